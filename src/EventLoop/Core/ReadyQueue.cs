namespace EventLoop;

/// <summary>
/// The loop's ready callbacks, first in first out (CPython's <c>_ready</c> deque). Like CPython's deque it is a chain
/// of fixed-size blocks: growing never copies what is queued, a million ready tasks need no array on the
/// large-object heap (a block is 3 KB), and the block emptied last is kept for reuse, so a loop whose queue stays
/// small allocates nothing once running.
/// </summary>
internal sealed class ReadyQueue
{
    private const int BlockSize = 128;

    private Block _head = new();
    private Block _tail;
    private Block? _spare;
    private int _headIndex;
    private int _tailIndex;

    public ReadyQueue() => _tail = _head;

    /// <summary>How many callbacks are queued.</summary>
    public int Count { get; private set; }

    public void Enqueue(in ReadyCallback ready)
    {
        if (_tailIndex == BlockSize)
        {
            var block = _spare ?? new Block();
            _spare = null;
            _tail.Next = block;
            _tail = block;
            _tailIndex = 0;
        }

        _tail.Items[_tailIndex++] = ready;
        Count++;
    }

    /// <summary>Takes the first callback out; there must be one.</summary>
    public ReadyCallback Dequeue()
    {
        if (_headIndex == BlockSize)
        {
            var emptied = _head;
            _head = emptied.Next!;
            emptied.Next = null;
            _spare = emptied;
            _headIndex = 0;
        }

        ref var slot = ref _head.Items[_headIndex++];
        var ready = slot;
        slot = default;
        if (--Count == 0)
        {
            // Empty: start over at the beginning of the block, which keeps a small queue in one block.
            _headIndex = _tailIndex = 0;
            _tail = _head;
        }

        return ready;
    }

    public void Clear()
    {
        while (Count > 0)
        {
            Dequeue();
        }
    }

    /// <summary>The queued callbacks, first to last (for inspection).</summary>
    public IEnumerable<ReadyCallback> Items
    {
        get
        {
            var block = _head;
            var index = _headIndex;
            for (var i = 0; i < Count; i++)
            {
                if (index == BlockSize)
                {
                    block = block.Next!;
                    index = 0;
                }

                yield return block.Items[index++];
            }
        }
    }

    private sealed class Block
    {
        public readonly ReadyCallback[] Items = new ReadyCallback[BlockSize];

        public Block? Next;
    }
}
