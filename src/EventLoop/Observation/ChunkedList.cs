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
    /// <summary>The chunk being filled (the trace log appends to it in place, where a call would cost its fast path).</summary>
    public T[] Tail = [];

    /// <summary>How far <see cref="Tail"/> is filled.</summary>
    public int TailOffset;
    // The index of the tail's first item: the count is kept as where the tail starts and how far it is filled, so
    // that adding an item stores one number, not two.
    private int _tailStart;

    /// <param name="chunkShift">The log2 of the chunk size.</param>
    public ChunkedList(int chunkShift) => _shift = chunkShift;

    public int Count => _tailStart + TailOffset;

    /// <summary>The item at <paramref name="index"/>, which must be below <see cref="Count"/> (not checked).</summary>
    public ref T this[int index] => ref _chunks[index >> _shift][index & ((1 << _shift) - 1)];

    /// <summary>The last item, which must exist (not checked).</summary>
    public ref T Last => ref Tail[TailOffset - 1];

    public void Add(T item)
    {
        // Through locals, so that the store needs no second bounds check.
        var tail = Tail;
        var offset = TailOffset;
        if ((uint)offset < (uint)tail.Length)
        {
            tail[offset] = item;
            TailOffset = offset + 1;
            return;
        }

        Grow();
        Tail[TailOffset++] = item;
    }

    public void Clear()
    {
        _chunks = [];
        _chunkCount = 0;
        Tail = [];
        TailOffset = 0;
        _tailStart = 0;
    }

    private void Grow()
    {
        var chunkSize = 1 << _shift;
        if (_chunkCount == 1 && Tail.Length < chunkSize)
        {
            Array.Resize(ref Tail, Math.Min(Tail.Length * 2, chunkSize));
            _chunks[0] = Tail;
            return;
        }

        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunkCount * 2));
        }

        // Items without references need no zeroing: every slot is written before it is read.
        Tail = _chunkCount == 0 ? new T[Math.Min(FirstChunkSize, chunkSize)] : GC.AllocateUninitializedArray<T>(chunkSize);
        _tailStart = _chunkCount << _shift;
        _chunks[_chunkCount++] = Tail;
        TailOffset = 0;
    }
}
