namespace EventLoop;

/// <summary>
/// The loop's ready callbacks, first in first out (CPython's <c>_ready</c> deque). Like CPython's deque it is a chain
/// of fixed-size blocks: growing never copies what is queued, a million ready tasks need no array on the
/// large-object heap (a block is 2 KB), and the block emptied last is kept for reuse, so a loop whose queue stays
/// small allocates nothing once running.
/// </summary>
/// <remarks>
/// A block holds references, not <see cref="ReadyCallback"/> structs: a task's step or its future's wake-up, the
/// commonest entries and what a million pending tasks have queued, takes one slot (8 B), any other entry two (see
/// <see cref="ReadyCallback.FromSlots"/>). A two-slot entry never straddles two blocks: the last slot of a block is
/// left empty instead.
/// </remarks>
internal sealed class ReadyQueue
{
    private const int BlockSize = 256;

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
        var first = ready.FirstSlot;
        var second = ready.SecondSlot;
        if (_tailIndex > BlockSize - (second is null ? 1 : 2))
        {
            NextTailBlock();
        }

        var items = _tail.Items;
        items[_tailIndex++].Value = first;
        if (second is not null)
        {
            items[_tailIndex++].Value = second;
        }

        Count++;
    }

    /// <summary>Takes the first callback out; there must be one.</summary>
    public ReadyCallback Dequeue()
    {
        // Past the end of the block, or at the empty last slot that a two-slot entry skipped.
        if (_headIndex >= BlockSize - 1 && (_headIndex == BlockSize || _head.Items[_headIndex].Value is null))
        {
            NextHeadBlock();
        }

        var items = _head.Items;
        var first = items[_headIndex].Value!;
        items[_headIndex++].Value = null;
        object? second = null;
        if (ReadyCallback.HasSecondSlot(first))
        {
            second = items[_headIndex].Value;
            items[_headIndex++].Value = null;
        }

        if (--Count == 0)
        {
            // Empty: start over at the beginning of the block, which keeps a small queue in one block.
            _headIndex = _tailIndex = 0;
            _tail = _head;
        }

        return ReadyCallback.FromSlots(first, second);
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
                if (index >= BlockSize - 1 && (index == BlockSize || block.Items[index].Value is null))
                {
                    block = block.Next!;
                    index = 0;
                }

                var first = block.Items[index++].Value!;
                var second = ReadyCallback.HasSecondSlot(first) ? block.Items[index++].Value : null;
                yield return ReadyCallback.FromSlots(first, second);
            }
        }
    }

    private void NextTailBlock()
    {
        var block = _spare ?? new Block();
        _spare = null;
        _tail.Next = block;
        _tail = block;
        _tailIndex = 0;
    }

    private void NextHeadBlock()
    {
        var emptied = _head;
        _head = emptied.Next!;
        emptied.Next = null;
        // A skipped last slot is empty already; the others were cleared as they were taken.
        _spare = emptied;
        _headIndex = 0;
    }

    private sealed class Block
    {
        public readonly Slot<object>[] Items = new Slot<object>[BlockSize];

        public Block? Next;
    }
}
