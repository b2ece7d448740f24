using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EventLoop;

/// <summary>
/// The events a <see cref="TraceRecorder"/> keeps, packed: about a byte per event in arrays the garbage collector
/// never has to look into. A traced task switch records about ten events that all stay alive; kept as references they
/// made every collection copy and scan them again, which was most of what recording cost.
/// </summary>
/// <remarks>
/// Most of an event repeats. The sequence number goes up by one from event to event, the time stays the same for
/// many events and the iteration goes up by one now and then, so they are kept once per run of such events (a
/// <see cref="Segment"/>; a bit in the event marks where the iteration goes up). The task changes only now and then
/// too, so it is kept once per run of events about the same task (a <see cref="TaskRun"/>; events about no task do
/// not break a run). The kind, wait kind, task name, detail and related task of an event are nearly always one of a
/// few combinations (a <see cref="Shape"/>: the same strings, made once, for every switch of every task), kept once
/// each. What is left per event is its shape, as one of the 128 codes of a table of shapes (a table serves until its
/// codes run out, and every run of events reads its codes from one table): one byte, where the shape's number took
/// two: memory written, every page of which the system maps when first touched, is much of what recording costs.
/// Reading an event back rebuilds the same <see cref="TraceEvent"/>, with the very strings and task it came with.
/// <para>
/// Finding an event's shape must be cheaper than storing the strings: each shape remembers the shape that followed
/// it last time, which is nearly always the next one again (a loop repeats itself), so the common case is one
/// comparison. A loop whose events go straight into the log (a recorder alone) does not even hand over the sequence
/// number, iteration and time of an event that continues its run: the log knows them. Otherwise a small table indexed by the strings' contents finds a recent shape, or a new one is
/// added: a detail formatted afresh (a time, a result) is a shape of its own. The shapes are kept in one array, not
/// in chunks like the rest: reaching one through a chunk made every traced switch measurably slower.
/// </para>
/// </remarks>
internal sealed class TraceEventLog : IReadOnlyList<TraceEvent>
{
    // 65,536 entries of 1 B (and 2,048 runs of 40 B): a chunk stays below the large-object threshold. On the
    // large-object heap every chunk was memory the system had to map afresh, page by page, which cost a traced
    // switch more than its events; a small chunk is made where the collector made the last ones, and is copied
    // once or twice as it is promoted: measured 8 % faster for a trace of 200,000 switches, 3 % slower for one of
    // 3,000,000 (with 2 B entries, when every copy was twice as long, such chunks had been the slower ones).
    private const int EntryChunkShift = 16;
    // A run of events is cut after this many, so that reading one event counts at most this many iteration bits.
    private const int MaxSegmentLength = 256;
    private const int IterationAdvanced = 0x80;
    // An entry's code: the rest of its byte.
    private const int CodeBits = 7;
    private const int CodesPerTable = 1 << CodeBits;
    private const int ShapeCacheSize = 1024;
    // A shape's look (see Shape.Look): whether the event has a task, and a related task.
    private const int HasTaskBit = 0x10000;
    private const int HasRelatedTaskBit = 0x20000;

    private readonly ChunkedList<byte> _entries = new(EntryChunkShift);
    // The tables of codes, one after another: the shape number of each code.
    private readonly ChunkedList<int> _codes = new(12);
    private readonly ChunkedList<Segment> _segments = new(11);
    private readonly ChunkedList<TaskRun> _taskRuns = new(12);
    private Shape[] _shapes = [Shape.None, .. new Shape[15]];
    private int _shapeCount = 1;

    // The run of events being added to: what the next event must carry to continue it (its sequence number less
    // its index, kept so rather than as the next number, which would be stored again at every event).
    private long _sequenceOffset;
    private long _iteration;
    private long _timeBits;
    private LoopTask? _runTask;

    // The table of codes being filled: where it starts in _codes, and its number times CodesPerTable (a shape whose
    // code key lies within CodesPerTable above it has a code in this table; tables are numbered from 1).
    private int _tableStart;
    private int _tableKey = CodesPerTable;

    // The shape that followed the last event's shape last time (0: none; shape 0 matches no event), kept so that the
    // comparison every event waits for is one load nearer.
    private int _predictedShape;
    // The loop whose next event continues the run as it is (see AddUnpredicted), or null.
    private Loop? _continuing;
    private readonly int[] _shapeCache = new int[ShapeCacheSize];

    public int Count => _entries.Count;

    public TraceEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var segment = FindSegment(index);
            var iteration = _segments[segment].Iteration;
            for (var i = _segments[segment].Start + 1; i <= index; i++)
            {
                iteration += _entries[i] >> CodeBits;
            }

            return Read(index, segment, iteration, FindTaskRun(index));
        }
    }

    public void Add(in TraceEvent traceEvent)
    {
        // Whoever sent it, the loop that wrote last no longer continues the run unchecked.
        _continuing = null;
        Add(traceEvent.Sequence, traceEvent.Iteration, traceEvent.Time, traceEvent.Kind, traceEvent.Task,
            traceEvent.RawTaskName, traceEvent.RawDetail, traceEvent.Wait, traceEvent.RelatedTask);
    }

    /// <summary>
    /// Adds the next event of <paramref name="loop"/> (the loop's way when a recorder is its only instrument: no
    /// <see cref="TraceEvent"/> is built).
    /// </summary>
    /// <remarks>
    /// Inlined into each emission point of the loop. The common case, an event that continues the loop's run about
    /// the same task and has the shape predicted, is tested before anything is changed, so that whatever else may
    /// happen is one call at the end. The tests are written out here rather than in small helpers: the loop's step
    /// inlines this at half a dozen points, and with every helper an inlining of its own the JIT ran out of its
    /// inlining budget and called the helpers (even the shape's comparison) at some of them.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Loop loop, TraceEventKind kind, LoopTask? task, string? taskName, string? detail,
        WaitKind wait = WaitKind.None, string? relatedTask = null)
    {
        // The predicted shape, without a bounds check: a prediction is always a shape number the log has made (or 0).
        ref var shape = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_shapes), _predictedShape);
        var code = (uint)(shape.CodeKey - _tableKey);
        // The entry is added last of all the tests: then the event is taken.
        if (ReferenceEquals(_continuing, loop) && (task is null || ReferenceEquals(task, _runTask)) && code < CodesPerTable
            && ReferenceEquals(shape.Detail, detail) && shape.Look == ((int)kind | ((int)wait << 8) | (task is not null ? HasTaskBit : 0) | (relatedTask is not null ? HasRelatedTaskBit : 0))
            && ReferenceEquals(shape.TaskName, taskName) && (relatedTask is null || ReferenceEquals(shape.RelatedTask, relatedTask))
            && TryAppend((byte)code))
        {
            loop.SkipTraceSequence();
            _predictedShape = shape.Next;
        }
        else
        {
            AddUnpredicted(loop, kind, task, taskName, detail, wait, relatedTask);
        }
    }

    /// <summary>
    /// Adds the event that begins the next iteration of <paramref name="loop"/>: as
    /// <see cref="Add(Loop, TraceEventKind, LoopTask?, string?, string?, WaitKind, string?)"/>, for an event one
    /// iteration later than the loop's last (one bit in the entry, when the run goes on).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddNextIteration(Loop loop, TraceEventKind kind, string detail)
    {
        ref var shape = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_shapes), _predictedShape);
        var code = (uint)(shape.CodeKey - _tableKey);
        if (ReferenceEquals(_continuing, loop) && loop.Iteration == _iteration + 1 && code < CodesPerTable
            && ReferenceEquals(shape.Detail, detail) && shape.Look == (int)kind
            && ReferenceEquals(shape.TaskName, "-")
            && TryAppend((byte)(IterationAdvanced | (int)code)))
        {
            loop.SkipTraceSequence();
            _iteration++;
            _predictedShape = shape.Next;
        }
        else
        {
            _continuing = null;
            AddUnpredicted(loop, kind, null, "-", detail, WaitKind.None, null);
        }
    }

    /// <summary>
    /// Appends <paramref name="entry"/> if it fits in the chunk being filled and does not begin a run of events (see
    /// <see cref="MaxSegmentLength"/>); otherwise appends nothing and returns false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAppend(byte entry)
    {
        var entries = _entries;
        var tail = entries.Tail;
        var offset = entries.TailOffset;
        if ((uint)offset < (uint)tail.Length && (offset & (MaxSegmentLength - 1)) != 0)
        {
            // Within the tail, as just tested: the JIT tests the bounds again after the second condition.
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tail), offset) = entry;
            entries.TailOffset = offset + 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The loop that wrote last moved its clock, or its events may have gone elsewhere: its next event is checked
    /// against the run in full.
    /// </summary>
    public void BreakRun() => _continuing = null;

    // Anything but the common case of Add.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddUnpredicted(Loop loop, TraceEventKind kind, LoopTask? task, string? taskName, string? detail,
        WaitKind wait, string? relatedTask)
    {
        var index = Count;
        if (ReferenceEquals(_continuing, loop) && (index & (MaxSegmentLength - 1)) != 0)
        {
            loop.SkipTraceSequence();
            AddEntry(index, 0, kind, task, taskName, detail, wait, relatedTask);
        }
        else
        {
            // The loop's event as any other: its sequence number, iteration and time compared with the run's.
            // Afterwards the run is the loop's own, and until something breaks it (an event from elsewhere, the loop
            // moving its virtual clock: BreakRun) the loop's next events continue it without reading them; its
            // iteration moves only just before an IterationStarted, which AddNextIteration checks. On the real clock
            // the time moves between any two events.
            Add(loop.NextTraceSequence(), loop.Iteration, loop.Time, kind, task, taskName, detail, wait, relatedTask);
            _continuing = loop.Clock == LoopClock.Virtual ? loop : null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(long sequence, long iteration, double time, TraceEventKind kind, LoopTask? task, string? taskName,
        string? detail, WaitKind wait, string? relatedTask)
    {
        var index = Count;
        // Time is compared bit for bit so that -0.0 and 0.0 (equal as numbers) still read back as they came.
        var timeBits = BitConverter.DoubleToInt64Bits(time);
        var entry = sequence - index == _sequenceOffset && iteration == _iteration && timeBits == _timeBits
                    && (index & (MaxSegmentLength - 1)) != 0
            ? 0
            : BeginRun(index, sequence, iteration, time);
        AddEntry(index, entry, kind, task, taskName, detail, wait, relatedTask);
    }

    /// <summary>Adds the event at <paramref name="index"/> once its run is settled (<paramref name="entry"/>: its iteration bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddEntry(int index, int entry, TraceEventKind kind, LoopTask? task, string? taskName, string? detail,
        WaitKind wait, string? relatedTask)
    {
        if (task is not null && !ReferenceEquals(task, _runTask))
        {
            AddTaskRun(index, task);
        }

        var predicted = _predictedShape;
        ref var shape = ref _shapes[predicted];
        int number;
        var look = Shape.LookOf(kind, wait, task is not null, relatedTask);
        if (shape.Is(look, taskName, detail, relatedTask))
        {
            number = predicted;
            _predictedShape = shape.Next;
        }
        else
        {
            number = FindShape(look, taskName, detail, relatedTask);
        }

        var code = (uint)(_shapes[number].CodeKey - _tableKey);
        if (code >= CodesPerTable)
        {
            code = (uint)NewCode(index, number);
            // A new table may have begun a run at this event, in which the iteration is the run's own.
            entry = _segments.Last.Start == index ? 0 : entry;
        }

        _entries.Add((byte)(entry | (int)code));
    }

    // The shape has no code in the table being filled: it gets the next one, in a new table if this one is full.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int NewCode(int index, int number)
    {
        if (_codes.Count - _tableStart == CodesPerTable)
        {
            // A run reads its codes from one table: the new table begins a run at this event unless one begins here
            // already (the run's sequence number, iteration and time are this event's, set just before).
            _tableStart = _codes.Count;
            _tableKey += CodesPerTable;
            if (_segments.Last.Start == index)
            {
                _segments.Last = _segments.Last with { Table = _tableStart };
            }
            else
            {
                _segments.Add(new Segment(index, _sequenceOffset + index, _iteration, BitConverter.Int64BitsToDouble(_timeBits),
                    _tableStart));
            }
        }

        var code = _codes.Count - _tableStart;
        _codes.Add(number);
        _shapes[number].CodeKey = _tableKey + code;
        return code;
    }

    // The event does not continue the run of events: unless only the iteration went up by one, it starts a new run.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int BeginRun(int index, long sequence, long iteration, double time)
    {
        var timeBits = BitConverter.DoubleToInt64Bits(time);
        var continues = sequence - index == _sequenceOffset && timeBits == _timeBits && (index & (MaxSegmentLength - 1)) != 0;
        if (continues && iteration == _iteration + 1)
        {
            _iteration = iteration;
            return IterationAdvanced;
        }

        _segments.Add(new Segment(index, sequence, iteration, time, _tableStart));
        (_sequenceOffset, _iteration, _timeBits) = (sequence - index, iteration, timeBits);
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddTaskRun(int index, LoopTask task)
    {
        _taskRuns.Add(new TaskRun(index, task));
        _runTask = task;
    }

    public void Clear()
    {
        _entries.Clear();
        _codes.Clear();
        _tableStart = 0;
        _tableKey = CodesPerTable;
        _segments.Clear();
        _taskRuns.Clear();
        _shapes = [Shape.None, .. new Shape[15]];
        _shapeCount = 1;
        _runTask = null;
        Array.Clear(_shapeCache);
        _predictedShape = 0;
        _continuing = null;
    }

    public IEnumerator<TraceEvent> GetEnumerator()
    {
        var segment = -1;
        var taskRun = -1;
        long iteration = 0;
        for (var i = 0; i < Count; i++)
        {
            if (segment + 1 < _segments.Count && _segments[segment + 1].Start == i)
            {
                segment++;
                iteration = _segments[segment].Iteration;
            }
            else
            {
                iteration += _entries[i] >> CodeBits;
            }

            if (taskRun + 1 < _taskRuns.Count && _taskRuns[taskRun + 1].Start == i)
            {
                taskRun++;
            }

            yield return Read(i, segment, iteration, taskRun);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FindShape(int look, string? taskName, string? detail, string? relatedTask)
    {
        var bucket = (int)((uint)Mix(Mix(Mix(look, taskName), detail), relatedTask) % ShapeCacheSize);
        var shape = _shapeCache[bucket];
        if (!_shapes[shape].Is(look, taskName, detail, relatedTask))
        {
            shape = _shapeCount;
            if (shape == _shapes.Length)
            {
                Array.Resize(ref _shapes, shape * 2);
            }

            _shapes[shape] = new Shape(taskName, detail, relatedTask, look);
            _shapeCount++;
            _shapeCache[bucket] = shape;
        }

        _shapes[LastShape].Next = shape;
        _predictedShape = _shapes[shape].Next;
        return shape;
    }

    // The last event's shape (shape 0 before any): its code is in the table being filled, as every code is from the
    // moment it is added until the next event's shape is known. Found so when needed rather than kept at each event.
    private int LastShape => Count == 0 ? 0 : _codes[_tableStart + (_entries.Last & (CodesPerTable - 1))];

    // A hash of what the text looks like, not of where it lives: the log's layout is the same on every run.
    private static int Mix(int hash, string? text)
    {
        var look = text is null ? 0 : text.Length == 0 ? 1 : (text.Length * 31) + (text[^1] * 7) + text[text.Length / 2];
        return (hash * 16777619) ^ look;
    }

    // The last run of events that starts at or before the index (there is always one: the first starts at 0).
    private int FindSegment(int index) => LastStartingAtOrBefore(_segments, index, none: 0);

    // The last run that starts at or before the index; -1 when there is none (no event so far had a task).
    private int FindTaskRun(int index) => LastStartingAtOrBefore(_taskRuns, index, none: -1);

    /// <summary>A binary search over runs sorted by their start: the last one that starts at or before <paramref name="index"/>.</summary>
    private static int LastStartingAtOrBefore<TRun>(ChunkedList<TRun> runs, int index, int none)
        where TRun : struct, IRun
    {
        int low = none, high = runs.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (runs[middle].Start <= index)
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

    private TraceEvent Read(int index, int segmentIndex, long iteration, int taskRun)
    {
        ref var segment = ref _segments[segmentIndex];
        ref var shape = ref _shapes[_codes[segment.Table + (_entries[index] & (CodesPerTable - 1))]];
        return new TraceEvent(segment.Sequence + (index - segment.Start), iteration, segment.Time,
            shape.Kind, shape.HasTask ? _taskRuns[taskRun].Task : null, shape.TaskName, shape.Detail,
            shape.Wait, shape.RelatedTask);
    }

    /// <summary>A stretch of events that begins at the event numbered <see cref="Start"/>.</summary>
    private interface IRun
    {
        int Start { get; }
    }

    /// <summary>A run of events; <see cref="Table"/> is where the table its codes come from starts in the codes.</summary>
    private readonly record struct Segment(int Start, long Sequence, long Iteration, double Time, int Table) : IRun;

    private readonly record struct TaskRun(int Start, LoopTask Task) : IRun;

    private struct Shape(string? taskName, string? detail, string? relatedTask, int look)
    {
        // No event looks so.
        public static readonly Shape None = new(null, null, null, -1);

        public readonly string? TaskName = taskName;
        public readonly string? Detail = detail;
        public readonly string? RelatedTask = relatedTask;

        /// <summary>The kind, the wait kind and whether the event has a task and a related task, in one number compared at once.</summary>
        public readonly int Look = look;

        /// <summary>The shape that followed this one last time (0: none yet).</summary>
        public int Next;

        /// <summary>The shape's code plus the key of the table it is in (0: in none yet).</summary>
        public int CodeKey;

        public readonly TraceEventKind Kind => (TraceEventKind)(byte)Look;

        public readonly WaitKind Wait => (WaitKind)(byte)(Look >> 8);

        public readonly bool HasTask => (Look & HasTaskBit) != 0;

        public static int LookOf(TraceEventKind kind, WaitKind wait, bool hasTask, string? relatedTask) =>
            (byte)kind | ((byte)wait << 8) | (hasTask ? HasTaskBit : 0) | (relatedTask is not null ? HasRelatedTaskBit : 0);

        /// <remarks>
        /// The look says whether the event has a related task, which nearly none has: where the caller passes none,
        /// the comparison of the related task folds away.
        /// </remarks>
        public readonly bool Is(int look, string? taskName, string? detail, string? relatedTask) =>
            ReferenceEquals(Detail, detail) && Look == look && ReferenceEquals(TaskName, taskName)
            && (relatedTask is null || ReferenceEquals(RelatedTask, relatedTask));
    }
}
