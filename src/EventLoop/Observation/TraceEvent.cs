using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// One thing the loop did, as an instrument receives it. A value type: tracing allocates no event objects, only
/// the strings that describe them, and nothing at all while no instrument is attached.
/// </summary>
public readonly struct TraceEvent
{
    // A null taskName stands for the task's default name, Task-N: it never changes (a rename replaces the name, not
    // the number), so it is formatted only when someone reads it, and an instrument that never does saves the string.
    // A null detail likewise stands for the completed task's result, when that is a value that cannot change.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TraceEvent(long sequence, long iteration, double time, TraceEventKind kind, LoopTask? task, string? taskName,
        string? detail, WaitKind wait = WaitKind.None, string? relatedTask = null)
    {
        Sequence = sequence;
        Iteration = iteration;
        Time = time;
        Kind = kind;
        Task = task;
        RawTaskName = taskName;
        RawDetail = detail;
        Wait = wait;
        RelatedTask = relatedTask;
    }

    /// <summary>
    /// 1 for the first event of a loop, then counting up; a <see cref="TraceEventKind.TraceStarted"/> marker carries
    /// the number of the events before it (0 when the instrument was attached to a new loop).
    /// </summary>
    public long Sequence { get; }

    /// <summary>The loop's iteration (<see cref="Loop.Iteration"/>); 0 before the loop first ran.</summary>
    public long Iteration { get; }

    /// <summary>The loop's time when the event happened.</summary>
    public double Time { get; }

    /// <summary>What happened.</summary>
    public TraceEventKind Kind { get; }

    /// <summary>The task the event is about (or whose code ran), if any.</summary>
    public LoopTask? Task { get; }

    /// <summary>The task's name when the event happened, or <c>-</c>.</summary>
    public string TaskName => RawTaskName ?? Task?.DefaultName!;

    /// <summary>The name as given, null for the task's default name not formatted yet.</summary>
    internal string? RawTaskName { get; }

    /// <summary>What the event is about in words: a callback's name, what a task waits on, a result, a state change.</summary>
    public string Detail => RawDetail ?? (Task is null ? null! : TraceValues.ResultOf(Task));

    /// <summary>The detail as given, null for a task's result not formatted yet.</summary>
    internal string? RawDetail { get; }

    /// <summary>For <see cref="TraceEventKind.TaskSuspended"/>: what the task waits on.</summary>
    public WaitKind Wait { get; }

    /// <summary>Another task involved: the creator of a new task, the task that requested a cancellation.</summary>
    public string? RelatedTask { get; }

    /// <inheritdoc />
    public override string ToString() => TraceText.FormatEvent(this);
}
