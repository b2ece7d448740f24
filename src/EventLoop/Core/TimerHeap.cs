namespace EventLoop;

/// <summary>
/// The loop's scheduled timers (CPython's <c>_scheduled</c> heap), earliest deadline first and, for equal deadlines,
/// in the order they were scheduled. A heap of structs that carry their deadline, so that sifting compares numbers in
/// the array instead of reaching into each timer; each node has four children, as in .NET's
/// <c>PriorityQueue</c>, which halves the levels a pop walks through: with a million timers, most levels are cache
/// misses.
/// </summary>
internal sealed class TimerHeap
{
    private const int Arity = 4;

    private Entry[] _entries = new Entry[16];

    /// <summary>How many timers are scheduled, cancelled ones included until they are dropped.</summary>
    public int Count { get; private set; }

    /// <summary>The timer due first; only valid when <see cref="Count"/> is not 0.</summary>
    public IScheduledTimer Head => _entries[0].Timer;

    /// <summary>
    /// The deadline of the timer due first, read from the array rather than from the timer (an object allocated
    /// long ago, likely out of the cache); only valid when <see cref="Count"/> is not 0.
    /// </summary>
    public double HeadWhen => _entries[0].When;

    /// <summary>Every scheduled timer, in no particular order (for inspection and tracing).</summary>
    public IEnumerable<IScheduledTimer> UnorderedItems => _entries.Take(Count).Select(entry => entry.Timer);

    public void Push(IScheduledTimer timer)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        SiftUp(Count++, new Entry(timer));
    }

    /// <summary>Removes and returns the timer due first; only valid when <see cref="Count"/> is not 0.</summary>
    public IScheduledTimer Pop()
    {
        var head = _entries[0].Timer;
        var last = _entries[--Count];
        _entries[Count] = default;
        if (Count > 0)
        {
            SiftDown(0, last);
        }

        return head;
    }

    /// <summary>Drops every timer for which <paramref name="drop"/> says so, then restores the heap (CPython's heapify).</summary>
    public void RemoveAll(Func<IScheduledTimer, bool> drop)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!drop(_entries[i].Timer))
            {
                _entries[kept++] = _entries[i];
            }
        }

        Array.Clear(_entries, kept, Count - kept);
        Count = kept;
        for (var i = (Count - 2) / Arity; i >= 0; i--)
        {
            SiftDown(i, _entries[i]);
        }
    }

    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
    }

    private void SiftUp(int index, Entry entry)
    {
        while (index > 0)
        {
            var parent = (index - 1) / Arity;
            if (!entry.Precedes(in _entries[parent]))
            {
                break;
            }

            _entries[index] = _entries[parent];
            index = parent;
        }

        _entries[index] = entry;
    }

    private void SiftDown(int index, Entry entry)
    {
        while (true)
        {
            var first = Arity * index + 1;
            if (first >= Count)
            {
                break;
            }

            var child = first;
            var end = Math.Min(first + Arity, Count);
            for (var sibling = first + 1; sibling < end; sibling++)
            {
                if (_entries[sibling].Precedes(in _entries[child]))
                {
                    child = sibling;
                }
            }

            if (!_entries[child].Precedes(in entry))
            {
                break;
            }

            _entries[index] = _entries[child];
            index = child;
        }

        _entries[index] = entry;
    }

    /// <summary>
    /// A timer and its deadline: 16 B, so that the four children a pop compares share a cache line. The sequence
    /// that breaks a tie is read from the timer; few timers have one.
    /// </summary>
    private readonly struct Entry(IScheduledTimer timer)
    {
        public readonly IScheduledTimer Timer = timer;
        public readonly double When = timer.When;

        public bool Precedes(in Entry other) =>
            When < other.When || (When == other.When && Timer.Sequence < other.Timer.Sequence);
    }
}
