namespace EventLoop;

/// <summary>
/// An append-only list kept in chunks of a fixed size, for the trace log: a doubling array copies everything again
/// at each doubling (and, once large, on the large-object heap), which made recording a long trace cost twice the
/// memory it keeps. The first chunk starts small and doubles up to the chunk size, so a short trace stays small.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int FirstChunkSize = 16;

    private readonly int _shift;
    private T[][] _chunks = [];
    private int _chunkCount;
    private T[] _tail = [];
    private int _tailOffset;

    /// <param name="chunkShift">The log2 of the chunk size.</param>
    public ChunkedList(int chunkShift) => _shift = chunkShift;

    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/>, which must be below <see cref="Count"/> (not checked).</summary>
    public ref T this[int index] => ref _chunks[index >> _shift][index & ((1 << _shift) - 1)];

    /// <summary>The last item, which must exist (not checked).</summary>
    public ref T Last => ref _tail[_tailOffset - 1];

    public void Add(T item)
    {
        // Through locals, so that the store needs no second bounds check.
        var tail = _tail;
        var offset = _tailOffset;
        if ((uint)offset < (uint)tail.Length)
        {
            tail[offset] = item;
            _tailOffset = offset + 1;
            Count++;
            return;
        }

        Grow();
        _tail[_tailOffset++] = item;
        Count++;
    }

    /// <summary>True when the next item fits in the current chunk (then <see cref="AddInRoom"/> may add it).</summary>
    public bool HasRoom => (uint)_tailOffset < (uint)_tail.Length;

    /// <summary>Adds an item when <see cref="HasRoom"/> said it fits (not checked again).</summary>
    public void AddInRoom(T item)
    {
        _tail[_tailOffset++] = item;
        Count++;
    }

    public void Clear()
    {
        _chunks = [];
        _chunkCount = 0;
        _tail = [];
        _tailOffset = 0;
        Count = 0;
    }

    private void Grow()
    {
        var chunkSize = 1 << _shift;
        if (_chunkCount == 1 && _tail.Length < chunkSize)
        {
            Array.Resize(ref _tail, Math.Min(_tail.Length * 2, chunkSize));
            _chunks[0] = _tail;
            return;
        }

        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunkCount * 2));
        }

        // Items without references need no zeroing: every slot is written before it is read.
        _tail = _chunkCount == 0 ? new T[Math.Min(FirstChunkSize, chunkSize)] : GC.AllocateUninitializedArray<T>(chunkSize);
        _chunks[_chunkCount++] = _tail;
        _tailOffset = 0;
    }
}
