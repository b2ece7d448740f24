using System.Collections;

namespace EventLoop;

/// <summary>
/// The events a <see cref="TraceRecorder"/> keeps: a list of fixed-size chunks. A traced task switch records about
/// ten events; in one growing array every doubling copied all of them again (and, past 85 KB, on the large object
/// heap), which made recording cost twice the memory it needs.
/// </summary>
/// <remarks>
/// An event is not kept as the 64-byte <see cref="TraceEvent"/> it arrives as: most of it repeats. The sequence
/// number goes up by one from event to event and the iteration and time stay the same for the dozen events of an
/// iteration, so they are kept once per run of such events (a <see cref="Segment"/>); the related task is set on
/// few events, so it is kept aside by index. What is left per event is the task, its name, the detail, the kind and
/// the wait kind: 26 bytes. Reading an event back rebuilds the same <see cref="TraceEvent"/>.
/// </remarks>
internal sealed class TraceEventLog : IReadOnlyList<TraceEvent>
{
    // 1024 entries of 24 B stay below the large-object threshold.
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;

    private readonly List<Chunk> _chunks = [];
    // Segments are chunked like the entries: a doubling list copied them again at each doubling.
    private readonly List<Segment[]> _segmentChunks = [];
    private int _segmentCount;
    private readonly Dictionary<int, string> _relatedTasks = [];
    private int _count;

    public int Count => _count;

    public TraceEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return Read(index, FindSegment(index));
        }
    }

    public void Add(in TraceEvent traceEvent)
    {
        var offset = _count & (ChunkSize - 1);
        if (offset == 0 && _count >> ChunkShift == _chunks.Count)
        {
            _chunks.Add(new Chunk());
        }

        if (!ContinuesLastSegment(in traceEvent))
        {
            AddSegment(new Segment(_count, traceEvent.Sequence, traceEvent.Iteration, traceEvent.Time));
        }

        if (traceEvent.RelatedTask is { } relatedTask)
        {
            _relatedTasks.Add(_count, relatedTask);
        }

        var chunk = _chunks[_count >> ChunkShift];
        chunk.Entries[offset] = new Entry(traceEvent.Task, traceEvent.RawTaskName, traceEvent.RawDetail);
        chunk.Kinds[offset] = (byte)traceEvent.Kind;
        chunk.Waits[offset] = (byte)traceEvent.Wait;
        _count++;
    }

    public void Clear()
    {
        _chunks.Clear();
        _segmentChunks.Clear();
        _segmentCount = 0;
        _relatedTasks.Clear();
        _count = 0;
    }

    public IEnumerator<TraceEvent> GetEnumerator()
    {
        var segment = 0;
        for (var i = 0; i < _count; i++)
        {
            if (segment + 1 < _segmentCount && SegmentAt(segment + 1).Start <= i)
            {
                segment++;
            }

            yield return Read(i, segment);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Time is compared bit for bit so that -0.0 and 0.0 (equal as numbers) still read back as they came.
    private bool ContinuesLastSegment(in TraceEvent traceEvent)
    {
        if (_segmentCount == 0)
        {
            return false;
        }

        var last = SegmentAt(_segmentCount - 1);
        return traceEvent.Sequence == last.Sequence + (_count - last.Start)
               && traceEvent.Iteration == last.Iteration
               && BitConverter.DoubleToInt64Bits(traceEvent.Time) == BitConverter.DoubleToInt64Bits(last.Time);
    }

    private int FindSegment(int index)
    {
        int low = 0, high = _segmentCount - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (SegmentAt(middle).Start <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private TraceEvent Read(int index, int segmentIndex)
    {
        var segment = SegmentAt(segmentIndex);
        var chunk = _chunks[index >> ChunkShift];
        var offset = index & (ChunkSize - 1);
        var entry = chunk.Entries[offset];
        var relatedTask = _relatedTasks.GetValueOrDefault(index);
        return new TraceEvent(segment.Sequence + (index - segment.Start), segment.Iteration, segment.Time,
            (TraceEventKind)chunk.Kinds[offset], entry.Task, entry.TaskName, entry.Detail,
            (WaitKind)chunk.Waits[offset], relatedTask);
    }

    private ref Segment SegmentAt(int index) => ref _segmentChunks[index >> ChunkShift][index & (ChunkSize - 1)];

    private void AddSegment(Segment segment)
    {
        if ((_segmentCount & (ChunkSize - 1)) == 0 && _segmentCount >> ChunkShift == _segmentChunks.Count)
        {
            _segmentChunks.Add(new Segment[ChunkSize]);
        }

        SegmentAt(_segmentCount) = segment;
        _segmentCount++;
    }

    private sealed class Chunk
    {
        public readonly Entry[] Entries = new Entry[ChunkSize];
        public readonly byte[] Kinds = new byte[ChunkSize];
        public readonly byte[] Waits = new byte[ChunkSize];
    }

    private readonly record struct Entry(LoopTask? Task, string? TaskName, string? Detail);

    private readonly record struct Segment(int Start, long Sequence, long Iteration, double Time);
}
