using System.Globalization;
using System.Text;

namespace EventLoop;

/// <summary>
/// The stable text form of a trace: one event per line, fixed columns, times with three decimals, task names,
/// and nothing that differs between runs or machines (no addresses, hash codes, paths or wall-clock times), so
/// the same program gives the same bytes every time and a trace can be snapshot-tested.
/// </summary>
/// <remarks>
/// A line reads <c>SEQ it=ITERATION t=TIME TASK KIND DETAIL</c>, e.g.
/// <c>   7 it=1   t=0.000 Task-2     suspend        sleep until t=1.000</c>. Lines end with <c>\n</c>.
/// </remarks>
public static class TraceText
{
    /// <summary>One event as one line (without the line break).</summary>
    public static string FormatEvent(in TraceEvent traceEvent)
    {
        var line = new StringBuilder(96);
        line.Append(traceEvent.Sequence.ToString(CultureInfo.InvariantCulture).PadLeft(4))
            .Append(" it=").Append(traceEvent.Iteration.ToString(CultureInfo.InvariantCulture).PadRight(3))
            .Append(" t=").Append(TraceValues.Time(traceEvent.Time))
            .Append(' ').Append(traceEvent.TaskName.PadRight(10))
            .Append(' ').Append(KindName(traceEvent).PadRight(14));
        var detail = traceEvent.Kind == TraceEventKind.StepStarted ? "" : traceEvent.Detail;
        if (traceEvent.RelatedTask is { } related)
        {
            detail = detail.Length == 0 ? $"(by {related})" : $"{detail} (by {related})";
        }

        if (detail.Length > 0)
        {
            line.Append(' ').Append(detail);
        }

        return line.ToString().TrimEnd();
    }

    /// <summary>Every event, one per line, each line ending with <c>\n</c>.</summary>
    public static string Format(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        foreach (var traceEvent in events)
        {
            text.Append(FormatEvent(traceEvent)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Only the callbacks the loop ran, in the format of the conformance oracle's <c>vloop.TraceRecorder.format()</c>
    /// (<c>  it=N   t=T.TTT kind     task</c>, kinds step, wakeup, timer, callback), so a trace can be compared
    /// line by line with what CPython's own loop did. Several loops are separated by <c>=== loop N ===</c> lines.
    /// </summary>
    public static string FormatLikeVloop(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var loops = new List<List<string>>();
        foreach (var traceEvent in events)
        {
            if (traceEvent.Kind == TraceEventKind.TraceStarted || loops.Count == 0)
            {
                loops.Add([]);
            }

            var kind = traceEvent.Kind switch
            {
                TraceEventKind.StepStarted => traceEvent.Detail,
                TraceEventKind.TimerFired => "timer",
                TraceEventKind.CallbackRun => "callback",
                _ => null,
            };
            if (kind is not null)
            {
                loops[^1].Add($"  it={traceEvent.Iteration.ToString(CultureInfo.InvariantCulture),-3} t={TraceValues.Time(traceEvent.Time)} {kind,-8} {traceEvent.TaskName}");
            }
        }

        return loops.Count <= 1
            ? string.Join("\n", loops.SelectMany(lines => lines))
            : string.Join("\n", loops.Select((lines, index) => $"=== loop {index + 1} ===\n" + string.Join("\n", lines)));
    }

    /// <summary>The short name the text format prints for an event's kind.</summary>
    public static string KindName(in TraceEvent traceEvent) => traceEvent.Kind switch
    {
        TraceEventKind.TraceStarted => "trace-start",
        TraceEventKind.IterationStarted => "iteration",
        TraceEventKind.IterationEnded => "iteration-end",
        TraceEventKind.ClockAdvanced => "clock",
        TraceEventKind.TaskCreated => "task-created",
        TraceEventKind.CallbackScheduled => "schedule",
        TraceEventKind.TimerScheduled => "timer-schedule",
        TraceEventKind.TimerCancelled => "timer-cancel",
        TraceEventKind.StepStarted => traceEvent.Detail,
        TraceEventKind.TimerFired => "timer",
        TraceEventKind.CallbackRun => "callback",
        TraceEventKind.TaskSuspended => "suspend",
        TraceEventKind.TaskCompleted => "done",
        TraceEventKind.TaskFailed => "failed",
        TraceEventKind.TaskCancelled => "cancelled",
        TraceEventKind.CancelRequested => "cancel",
        TraceEventKind.CancelDelivered => "cancel-deliver",
        TraceEventKind.CoroutineStateChanged => "coro",
        TraceEventKind.ExceptionHandled => "exception",
        _ => traceEvent.Kind.ToString(),
    };
}
