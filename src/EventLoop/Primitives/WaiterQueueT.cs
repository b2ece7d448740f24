using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// The waiters of a lock, event, condition, semaphore or queue, in arrival order (CPython's <c>collections.deque</c>
/// of futures): futures, or for a lock or semaphore the acquires that stand in for theirs (see
/// <see cref="AcquireCoroutine"/>). It is a deque of fixed-size blocks, as CPython's is: a wait costs no node object
/// (a block holds 16 waiters, and an emptied queue keeps one block for the next wait), and a crowd of waiters needs no
/// large array, which would go to the large-object heap. Removing a waiter other than the first shifts the shorter
/// side, as <c>deque.remove</c> does; the waiter that leaves is almost always near one end (the first in line is woken
/// first, and cancellations come in the order the tasks waited or the reverse), and the search looks from both ends.
/// </summary>
internal sealed class WaiterQueue<TWaiter>
    where TWaiter : class
{
    private const int BlockSize = 16;

    private Block? _first;
    private Block? _last;
    private Block? _spare;
    private int _firstIndex;
    private int _lastEnd;
    private int _count;

    /// <summary>How many waiters are queued.</summary>
    public int Count => _count;

    /// <summary>The first waiter in line, or null when there is none.</summary>
    public TWaiter? First => _count == 0 ? null : _first!.Items[_firstIndex];

    /// <summary>The waiters from the first in line to the last.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Queues <paramref name="waiter"/> last.</summary>
    public void AddLast(TWaiter waiter)
    {
        if (_last is null)
        {
            _first = _last = TakeBlock();
            _firstIndex = _lastEnd = 0;
        }
        else if (_lastEnd == BlockSize)
        {
            var block = TakeBlock();
            block.Previous = _last;
            _last.Next = block;
            _last = block;
            _lastEnd = 0;
        }

        _last.Items[_lastEnd++] = waiter;
        _count++;
    }

    /// <summary>Takes the first waiter out of the queue; there must be one.</summary>
    public TWaiter RemoveFirst()
    {
        var first = _first!;
        var waiter = first.Items[_firstIndex];
        first.Items[_firstIndex++] = null!;
        _count--;
        if (_count == 0)
        {
            Reset();
        }
        else if (_firstIndex == BlockSize)
        {
            _first = first.Next!;
            _first.Previous = null;
            _firstIndex = 0;
            GiveBack(first);
        }

        return waiter;
    }

    /// <summary>Takes <paramref name="waiter"/> out of the queue; false when it is not in it.</summary>
    public bool Remove(TWaiter waiter)
    {
        if (_count == 0)
        {
            return false;
        }

        var front = new Cursor(_first!, _firstIndex);
        var back = new Cursor(_last!, _lastEnd - 1);
        for (var steps = 0; steps <= _count - 1 - steps; steps++)
        {
            if (front.Value == waiter)
            {
                // Everything before it moves one place back, and the first place is freed.
                for (var moved = 0; moved < steps; moved++)
                {
                    var target = front;
                    front.Back();
                    target.Value = front.Value;
                }

                RemoveFirst();
                return true;
            }

            if (back.Value == waiter)
            {
                for (var moved = 0; moved < steps; moved++)
                {
                    var target = back;
                    back.Forward();
                    target.Value = back.Value;
                }

                RemoveLast();
                return true;
            }

            front.Forward();
            back.Back();
        }

        return false;
    }

    private void RemoveLast()
    {
        var last = _last!;
        last.Items[--_lastEnd] = null!;
        _count--;
        if (_count == 0)
        {
            Reset();
        }
        else if (_lastEnd == 0)
        {
            _last = last.Previous!;
            _last.Next = null;
            _lastEnd = BlockSize;
            GiveBack(last);
        }
    }

    /// <summary>The queue is empty: its only block becomes the spare.</summary>
    private void Reset()
    {
        GiveBack(_first!);
        _first = _last = null;
    }

    private Block TakeBlock()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        return new Block();
    }

    private void GiveBack(Block block)
    {
        block.Next = block.Previous = null;
        _spare = block;
    }

    /// <summary>Enumerates the waiters front to back; the queue must not change meanwhile.</summary>
    public struct Enumerator
    {
        private readonly int _count;
        private Cursor _cursor;
        private int _seen;

        internal Enumerator(WaiterQueue<TWaiter> queue)
        {
            _count = queue._count;
            _cursor = new Cursor(queue._first!, queue._firstIndex - 1);
        }

        /// <summary>The waiter at the current position.</summary>
        public readonly TWaiter Current => _cursor.Value;

        /// <summary>Moves to the next waiter; false after the last.</summary>
        public bool MoveNext()
        {
            if (_seen == _count)
            {
                return false;
            }

            _seen++;
            _cursor.Forward();
            return true;
        }
    }

    /// <summary>A position in the blocks; moving past either end of a block goes on in the neighbouring one.</summary>
    private struct Cursor(Block block, int index)
    {
        private Block _block = block;
        private int _index = index;

        public readonly TWaiter Value
        {
            get => _block.Items[_index];
            set => _block.Items[_index] = value;
        }

        public void Forward()
        {
            if (++_index == BlockSize)
            {
                _block = _block.Next!;
                _index = 0;
            }
        }

        public void Back()
        {
            if (--_index < 0)
            {
                _block = _block.Previous!;
                _index = BlockSize - 1;
            }
        }
    }

    private sealed class Block
    {
        public Slots Items;
        public Block? Next;
        public Block? Previous;
    }

    [InlineArray(BlockSize)]
    private struct Slots
    {
        private TWaiter _element;
    }
}
