namespace EventLoop;

/// <summary>
/// The loop's scheduled timers, earliest deadline first and equal deadlines in scheduling order (see
/// <see cref="TimerHandle.Sequence"/>). A 4-ary heap, as <see cref="PriorityQueue{TElement, TPriority}"/>, of
/// (deadline, timer) pairs: 16 B an entry instead of that queue's 24 with the sequence beside the deadline, so that
/// with a million sleepers the heap holds a third less and the four children a pop compares span one cache line
/// instead of two. The sequence is read from the timer only to break a tie, which few timers have.
/// </summary>
internal sealed class TimerHeap
{
    private const int Log2Arity = 2;

    private Entry[] _entries = [];
    private int _count;

    public int Count => _count;

    /// <summary>The timers in heap order (not by deadline), each with its deadline.</summary>
    public IEnumerable<(TimerHandle Timer, double When)> UnorderedItems
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return (_entries[i].Timer, _entries[i].When);
            }
        }
    }

    public void Enqueue(TimerHandle timer)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
        }

        MoveUp(new Entry(timer.When, timer), _count++);
    }

    public bool TryPeek(out TimerHandle timer, out double when)
    {
        if (_count == 0)
        {
            (timer, when) = (null!, 0);
            return false;
        }

        (timer, when) = (_entries[0].Timer, _entries[0].When);
        return true;
    }

    public TimerHandle Dequeue()
    {
        if (!TryDequeue(out var timer, out _))
        {
            throw new InvalidOperationException("no timer is scheduled");
        }

        return timer;
    }

    public bool TryDequeue(out TimerHandle timer, out double when)
    {
        if (!TryPeek(out timer, out when))
        {
            return false;
        }

        var last = _entries[--_count];
        _entries[_count] = default;
        if (_count > 0)
        {
            MoveDown(last, 0);
        }

        return true;
    }

    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    /// <summary>The order of the heap: by deadline, then by scheduling order (the sequences are all different).</summary>
    private static bool Before(in Entry a, in Entry b) =>
        a.When < b.When || (a.When == b.When && a.Timer.Sequence < b.Timer.Sequence);

    private void MoveUp(Entry entry, int index)
    {
        var entries = _entries;
        while (index > 0)
        {
            var parent = (index - 1) >> Log2Arity;
            if (!Before(entry, entries[parent]))
            {
                break;
            }

            entries[index] = entries[parent];
            index = parent;
        }

        entries[index] = entry;
    }

    private void MoveDown(Entry entry, int index)
    {
        var entries = _entries;
        var count = _count;
        int first;
        while ((first = (index << Log2Arity) + 1) < count)
        {
            var smallest = first;
            var end = Math.Min(first + (1 << Log2Arity), count);
            for (var child = first + 1; child < end; child++)
            {
                if (Before(entries[child], entries[smallest]))
                {
                    smallest = child;
                }
            }

            if (!Before(entries[smallest], entry))
            {
                break;
            }

            entries[index] = entries[smallest];
            index = smallest;
        }

        entries[index] = entry;
    }

    private readonly record struct Entry(double When, TimerHandle Timer);
}
