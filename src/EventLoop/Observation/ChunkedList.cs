using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    // The index of the tail's first item: the count is kept as where the tail starts and how far it is filled, so
    // that adding an item stores one number, not two.
    private int _tailStart;

    /// <param name="chunkShift">The log2 of the chunk size.</param>
    public ChunkedList(int chunkShift) => _shift = chunkShift;

    public int Count => _tailStart + _tailOffset;

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
            return;
        }

        Grow();
        _tail[_tailOffset++] = item;
    }

    /// <summary>
    /// Adds <paramref name="item"/> if it fits in the current chunk and its index is not a multiple of
    /// <paramref name="mask"/> plus one, a power of two no larger than a chunk; otherwise adds nothing and returns false.
    /// </summary>
    public bool TryAddWithin(int mask, T item)
    {
        var tail = _tail;
        var offset = _tailOffset;
        if ((uint)offset < (uint)tail.Length && (offset & mask) != 0)
        {
            // Within the tail, as just tested: the JIT tests the bounds again after the second condition.
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tail), offset) = item;
            _tailOffset = offset + 1;
            return true;
        }

        return false;
    }

    public void Clear()
    {
        _chunks = [];
        _chunkCount = 0;
        _tail = [];
        _tailOffset = 0;
        _tailStart = 0;
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
        _tailStart = _chunkCount << _shift;
        _chunks[_chunkCount++] = _tail;
        _tailOffset = 0;
    }
}
