using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// The loop's scheduled timers (CPython's <c>_scheduled</c> heap), earliest deadline first and, for equal deadlines,
/// in the order they were scheduled. A heap of structs that carry their deadline, so that sifting compares numbers in
/// the array instead of reaching into each timer; each node has four children, as in .NET's
/// <c>PriorityQueue</c>, which halves the levels a pop walks through: with a million timers, most levels are cache
/// misses.
/// </summary>
/// <remarks>
/// The entries live in blocks of 64 KB, not in one array: an array that held every timer would be copied each time it
/// doubled and, past 85 KB, would live on the large-object heap, where each new one counts towards the next full
/// (generation 2) collection. A loop with many sleeping tasks made one such array after another. The first block
/// grows by doubling up to the block size, so a loop with few timers keeps one small array.
/// </remarks>
internal sealed class TimerHeap
{
    private const int Arity = 4;

    // Node i is kept at slot i + SlotOffset: the four children of a node then start at a multiple of four, and never
    // straddle two blocks.
    private const int SlotOffset = Arity - 1;

    // 4,096 entries of 16 B: 64 KB, under the large-object threshold.
    private const int BlockShift = 12;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;

    private Entry[][] _blocks = [new Entry[16]];
    private int _slotCapacity = 16;

    /// <summary>How many timers are scheduled, cancelled ones included until they are dropped.</summary>
    public int Count { get; private set; }

    /// <summary>The timer due first; only valid when <see cref="Count"/> is not 0.</summary>
    public IScheduledTimer Head => _blocks[0][SlotOffset].Timer;

    /// <summary>
    /// The deadline of the timer due first, read from the heap rather than from the timer (an object allocated
    /// long ago, likely out of the cache); only valid when <see cref="Count"/> is not 0.
    /// </summary>
    public double HeadWhen => _blocks[0][SlotOffset].When;

    /// <summary>Every scheduled timer, in no particular order (for inspection and tracing).</summary>
    public IEnumerable<IScheduledTimer> UnorderedItems => Enumerable.Range(0, Count).Select(node => At(node).Timer);

    public void Push(IScheduledTimer timer)
    {
        if (Count + SlotOffset == _slotCapacity)
        {
            Grow();
        }

        SiftUp(Count++, new Entry(timer));
    }

    /// <summary>Removes and returns the timer due first; only valid when <see cref="Count"/> is not 0.</summary>
    public IScheduledTimer Pop()
    {
        var head = _blocks[0][SlotOffset].Timer;
        ref var lastSlot = ref At(--Count);
        var last = lastSlot;
        lastSlot = default;
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
        for (var node = 0; node < Count; node++)
        {
            if (!drop(At(node).Timer))
            {
                At(kept++) = At(node);
            }
        }

        for (var node = kept; node < Count; node++)
        {
            At(node) = default;
        }

        Count = kept;
        for (var node = (Count - 2) / Arity; node >= 0; node--)
        {
            SiftDown(node, At(node));
        }
    }

    public void Clear()
    {
        for (var node = 0; node < Count; node++)
        {
            At(node) = default;
        }

        Count = 0;
    }

    private ref Entry At(int node)
    {
        var slot = node + SlotOffset;
        return ref _blocks[slot >> BlockShift][slot & BlockMask];
    }

    private void Grow()
    {
        if (_slotCapacity < BlockSize)
        {
            Array.Resize(ref _blocks[0], _slotCapacity * 2);
            _slotCapacity *= 2;
            return;
        }

        Array.Resize(ref _blocks, _blocks.Length + 1);
        _blocks[^1] = new Entry[BlockSize];
        _slotCapacity += BlockSize;
    }

    private void SiftUp(int node, Entry entry)
    {
        while (node > 0)
        {
            var parent = (node - 1) / Arity;
            ref var parentSlot = ref At(parent);
            if (!entry.Precedes(in parentSlot))
            {
                break;
            }

            At(node) = parentSlot;
            node = parent;
        }

        At(node) = entry;
    }

    private void SiftDown(int node, Entry entry)
    {
        // The slot of the hole that moves down, kept as a block and an index: the children's block is found once a level.
        var holeBlock = _blocks[(node + SlotOffset) >> BlockShift];
        var hole = (node + SlotOffset) & BlockMask;
        while (true)
        {
            var first = Arity * node + 1;
            if (first >= Count)
            {
                break;
            }

            // The children share a block (see SlotOffset).
            var firstSlot = first + SlotOffset;
            var block = _blocks[firstSlot >> BlockShift];
            var start = firstSlot & BlockMask;
            var child = Count - first >= Arity ? EarliestOfFour(block, start) : EarliestOf(block, start, Count - first);
            if (!block[child].Precedes(in entry))
            {
                break;
            }

            holeBlock[hole] = block[child];
            (holeBlock, hole) = (block, child);
            node = first + (child - start);
        }

        holeBlock[hole] = entry;
    }

    /// <summary>
    /// The earliest of the four entries from <paramref name="start"/> on, without a branch on their order (which
    /// would be mispredicted about half the time at every level of every pop): a tournament on the keys, written as
    /// comparisons to 0 or 1 and masks. Equal keys, rare, are left to <see cref="EarliestOf"/>, which reads the
    /// sequences.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EarliestOfFour(Entry[] block, int start)
    {
        var four = block.AsSpan(start, Arity);
        long k0 = four[0].Key, k1 = four[1].Key, k2 = four[2].Key, k3 = four[3].Key;
        var first = k1 < k0 ? 1 : 0;
        var firstKey = Select(first, k1, k0);
        var second = 2 + (k3 < k2 ? 1 : 0);
        var secondKey = Select(second - 2, k3, k2);
        var secondWins = secondKey < firstKey ? 1 : 0;
        var earliest = first ^ ((first ^ second) & -secondWins);
        var earliestKey = Select(secondWins, secondKey, firstKey);
        var ties = (k0 == earliestKey ? 1 : 0) + (k1 == earliestKey ? 1 : 0)
            + (k2 == earliestKey ? 1 : 0) + (k3 == earliestKey ? 1 : 0);
        return ties == 1 ? start + earliest : EarliestOf(block, start, Arity);
    }

    /// <summary>
    /// <paramref name="ifOne"/> when <paramref name="bit"/> is 1, else <paramref name="ifZero"/>, by masking:
    /// <c>Math.Min</c> and the conditional operator compile to branches inside a loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Select(int bit, long ifOne, long ifZero) => ifZero ^ ((ifZero ^ ifOne) & -(long)bit);

    private static int EarliestOf(Entry[] block, int start, int count)
    {
        var earliest = start;
        for (var sibling = start + 1; sibling < start + count; sibling++)
        {
            if (block[sibling].Precedes(in block[earliest]))
            {
                earliest = sibling;
            }
        }

        return earliest;
    }

    /// <summary>
    /// A timer and its deadline: 16 B, so that the four children a pop compares share a cache line or two. The
    /// deadline is kept as a key that orders as the deadline does, compared as an integer so that choosing the
    /// earliest of four needs no branch. The sequence that breaks a tie is read from the timer; few timers have one.
    /// </summary>
    private readonly struct Entry(IScheduledTimer timer)
    {
        public readonly IScheduledTimer Timer = timer;
        public readonly long Key = KeyOf(timer.When);

        public double When => WhenOf(Key);

        public bool Precedes(in Entry other) =>
            Key < other.Key || (Key == other.Key && Timer.Sequence < other.Timer.Sequence);

        /// <summary>
        /// The deadline's bits, with those of a negative deadline flipped so that integers order as the numbers do.
        /// -0.0 becomes 0.0 first, as the two are equal deadlines (a deadline is never NaN: scheduling refuses it).
        /// </summary>
        private static long KeyOf(double when)
        {
            var bits = BitConverter.DoubleToInt64Bits(when + 0.0);
            return bits >= 0 ? bits : bits ^ long.MaxValue;
        }

        private static double WhenOf(long key) => BitConverter.Int64BitsToDouble(key >= 0 ? key : key ^ long.MaxValue);
    }
}
