using System.Collections;

namespace EventLoop;

/// <summary>
/// The events a <see cref="TraceRecorder"/> keeps, packed: 8 bytes per event in arrays the garbage collector never
/// has to look into. A traced task switch records about ten events that all stay alive; kept as references they
/// made every collection copy and scan them again, which was most of what recording cost.
/// </summary>
/// <remarks>
/// Most of an event repeats. The sequence number goes up by one from event to event and the iteration and time stay
/// the same for the dozen events of an iteration, so they are kept once per run of such events (a
/// <see cref="Segment"/>). The kind, wait kind, task name, detail and related task of an event are nearly always
/// one of a few combinations (a <see cref="Shape"/>: the same strings, made once, for every switch of every task),
/// kept once each; the task is kept in a table. What is left per event is two numbers: its shape and its task's
/// slot. Reading an event back rebuilds the same <see cref="TraceEvent"/>, with the very strings it came with.
/// <para>
/// Finding an event's shape must be cheaper than storing the strings: each shape remembers the shape that followed
/// it last time, which is nearly always the next one again (a loop repeats itself), so the common case is one
/// comparison. Otherwise a small table indexed by the strings' contents finds a recent shape, or a new one is
/// added: a detail formatted afresh (a time, a result) is a shape of its own. Tasks likewise: the last two are
/// remembered, and any other task takes a new slot, so a task seen again later may hold several.
/// </para>
/// </remarks>
internal sealed class TraceEventLog : IReadOnlyList<TraceEvent>
{
    // 16,384 entries of 8 B: a chunk lands on the large-object heap, where the collector never copies it.
    private const int EntryChunkShift = 14;
    private const int ShapeCacheSize = 1024;

    private readonly ChunkedList<Entry> _entries = new(EntryChunkShift);
    private readonly ChunkedList<Segment> _segments = new(12);
    private readonly ChunkedList<Shape> _shapes = new(10);
    private readonly ChunkedList<LoopTask?> _tasks = new(12);

    // The run of events being added to: what the next event must carry to continue it.
    private long _nextSequence;
    private long _iteration;
    private long _timeBits;

    // The last event's shape, and the shape that followed it last time (-1: none).
    private int _lastShape = -1;
    private int _predictedShape = -1;
    private readonly int[] _shapeCache = new int[ShapeCacheSize];

    private LoopTask? _recentTask;
    private int _recentSlot;
    private LoopTask? _olderTask;
    private int _olderSlot;

    public TraceEventLog() => Clear();

    public int Count => _entries.Count;

    public TraceEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Read(index, FindSegment(index));
        }
    }

    public void Add(in TraceEvent traceEvent) =>
        Add(traceEvent.Sequence, traceEvent.Iteration, traceEvent.Time, traceEvent.Kind, traceEvent.Task,
            traceEvent.RawTaskName, traceEvent.RawDetail, traceEvent.Wait, traceEvent.RelatedTask);

    /// <summary>Adds the event with these fields (the loop's way when a recorder is its only instrument: no <see cref="TraceEvent"/> is built).</summary>
    public void Add(long sequence, long iteration, double time, TraceEventKind kind, LoopTask? task, string? taskName,
        string? detail, WaitKind wait, string? relatedTask)
    {
        // Time is compared bit for bit so that -0.0 and 0.0 (equal as numbers) still read back as they came.
        var timeBits = BitConverter.DoubleToInt64Bits(time);
        if (sequence != _nextSequence || iteration != _iteration || timeBits != _timeBits || _segments.Count == 0)
        {
            _segments.Add(new Segment(Count, sequence, iteration, time));
            _iteration = iteration;
            _timeBits = timeBits;
        }

        _nextSequence = sequence + 1;

        int shape;
        var predicted = _predictedShape;
        if (predicted >= 0 && _shapes[predicted].Is(kind, taskName, detail, wait, relatedTask))
        {
            shape = predicted;
            _lastShape = shape;
            _predictedShape = _shapes[shape].Next;
        }
        else
        {
            shape = FindShape(kind, taskName, detail, wait, relatedTask);
        }

        var slot = task is null ? 0 : ReferenceEquals(task, _recentTask) ? _recentSlot : SlotOf(task);
        _entries.Add(new Entry(shape, slot));
    }

    public void Clear()
    {
        _entries.Clear();
        _segments.Clear();
        _shapes.Clear();
        _tasks.Clear();
        _tasks.Add(null);
        Array.Clear(_shapeCache);
        (_lastShape, _predictedShape) = (-1, -1);
        (_recentTask, _recentSlot, _olderTask, _olderSlot) = (null, 0, null, 0);
    }

    public IEnumerator<TraceEvent> GetEnumerator()
    {
        var segment = 0;
        for (var i = 0; i < Count; i++)
        {
            if (segment + 1 < _segments.Count && _segments[segment + 1].Start <= i)
            {
                segment++;
            }

            yield return Read(i, segment);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int FindShape(TraceEventKind kind, string? taskName, string? detail, WaitKind wait, string? relatedTask)
    {
        var bucket = (int)((uint)Mix(Mix(Mix((int)kind * 8 + (int)wait, taskName), detail), relatedTask) % ShapeCacheSize);
        var shape = _shapeCache[bucket] - 1;
        if (shape < 0 || !_shapes[shape].Is(kind, taskName, detail, wait, relatedTask))
        {
            shape = _shapes.Count;
            _shapes.Add(new Shape(taskName, detail, relatedTask, (byte)kind, (byte)wait));
            _shapeCache[bucket] = shape + 1;
        }

        if (_lastShape >= 0)
        {
            _shapes[_lastShape].Next = shape;
        }

        _lastShape = shape;
        _predictedShape = _shapes[shape].Next;
        return shape;
    }

    // A hash of what the text looks like, not of where it lives: the log's layout is the same on every run.
    private static int Mix(int hash, string? text)
    {
        var look = text is null ? 0 : text.Length == 0 ? 1 : (text.Length * 31) + (text[^1] * 7) + text[text.Length / 2];
        return (hash * 16777619) ^ look;
    }

    private int SlotOf(LoopTask task)
    {
        if (ReferenceEquals(task, _olderTask))
        {
            (_recentTask, _recentSlot, _olderTask, _olderSlot) = (_olderTask, _olderSlot, _recentTask, _recentSlot);
            return _recentSlot;
        }

        (_olderTask, _olderSlot) = (_recentTask, _recentSlot);
        (_recentTask, _recentSlot) = (task, _tasks.Count);
        _tasks.Add(task);
        return _recentSlot;
    }

    private int FindSegment(int index)
    {
        int low = 0, high = _segments.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (_segments[middle].Start <= index)
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
        ref var segment = ref _segments[segmentIndex];
        var entry = _entries[index];
        ref var shape = ref _shapes[entry.Shape];
        return new TraceEvent(segment.Sequence + (index - segment.Start), segment.Iteration, segment.Time,
            (TraceEventKind)shape.Kind, _tasks[entry.Task], shape.TaskName, shape.Detail, (WaitKind)shape.Wait,
            shape.RelatedTask);
    }

    private readonly record struct Entry(int Shape, int Task);

    private readonly record struct Segment(int Start, long Sequence, long Iteration, double Time);

    private struct Shape(string? taskName, string? detail, string? relatedTask, byte kind, byte wait)
    {
        public readonly string? TaskName = taskName;
        public readonly string? Detail = detail;
        public readonly string? RelatedTask = relatedTask;
        public readonly byte Kind = kind;
        public readonly byte Wait = wait;

        /// <summary>The shape that followed this one last time (-1: none yet).</summary>
        public int Next = -1;

        public readonly bool Is(TraceEventKind kind, string? taskName, string? detail, WaitKind wait, string? relatedTask) =>
            ReferenceEquals(Detail, detail) && ReferenceEquals(TaskName, taskName) && Kind == (byte)kind
            && Wait == (byte)wait && ReferenceEquals(RelatedTask, relatedTask);
    }
}
