using System.Text;

namespace EventLoop;

/// <summary>
/// A trace as Mermaid sequence diagrams (one per loop, as fenced blocks of a Markdown document, which GitHub
/// renders): the loop hands each step to a task, the task answers with what it now waits on, and notes mark timers,
/// clock jumps, callbacks and cancellations.
/// </summary>
public static class MermaidSequence
{
    /// <summary>A Markdown document with one <c>```mermaid</c> block per loop of the trace.</summary>
    public static string Render(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var loops = new List<List<TraceEvent>>();
        foreach (var traceEvent in events)
        {
            if (traceEvent.Kind == TraceEventKind.TraceStarted || loops.Count == 0)
            {
                loops.Add([]);
            }

            loops[^1].Add(traceEvent);
        }

        var text = new StringBuilder();
        for (var i = 0; i < loops.Count; i++)
        {
            if (loops.Count > 1)
            {
                text.Append("Loop ").Append(i + 1).Append(":\n\n");
            }

            text.Append("```mermaid\n").Append(RenderDiagram(loops[i])).Append("```\n\n");
        }

        return text.ToString();
    }

    /// <summary>One <c>sequenceDiagram</c> for the events of one loop.</summary>
    public static string RenderDiagram(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder("sequenceDiagram\n    participant L as loop\n");
        foreach (var traceEvent in list)
        {
            if (traceEvent.Kind == TraceEventKind.TaskCreated && !aliases.ContainsKey(traceEvent.TaskName))
            {
                var alias = "T" + (aliases.Count + 1);
                aliases[traceEvent.TaskName] = alias;
                text.Append("    participant ").Append(alias).Append(" as ").Append(Escape(traceEvent.TaskName)).Append('\n');
            }
        }

        string Of(string? name) => name is not null && aliases.TryGetValue(name, out var alias) ? alias : "L";

        foreach (var e in list)
        {
            var task = Of(e.TaskName);
            var line = e.Kind switch
            {
                TraceEventKind.TaskCreated => $"{Of(e.RelatedTask)}->>{task}: create ({e.Detail})",
                TraceEventKind.StepStarted => $"L->>{task}: {e.Detail} (it {e.Iteration}, t={TraceValues.Time(e.Time)})",
                TraceEventKind.TaskSuspended => $"{task}-->>L: awaits {e.Detail}",
                TraceEventKind.TaskCompleted => $"{task}-->>L: done {e.Detail}",
                TraceEventKind.TaskFailed => $"{task}-->>L: failed {e.Detail}",
                TraceEventKind.TaskCancelled => $"{task}-->>L: cancelled",
                TraceEventKind.CancelRequested => $"{Of(e.RelatedTask)}->>{task}: cancel() {e.Detail}",
                TraceEventKind.CancelDelivered => $"Note over {task}: CancelledError {e.Detail}",
                TraceEventKind.TimerFired => $"Note over L: timer {e.Detail} (it {e.Iteration})",
                TraceEventKind.ClockAdvanced => $"Note over L: clock {e.Detail}",
                TraceEventKind.CallbackRun => $"Note over L: callback {e.Detail} (it {e.Iteration})",
                TraceEventKind.ExceptionHandled => $"Note over L: exception handler: {e.Detail}",
                _ => null,
            };
            if (line is not null)
            {
                text.Append("    ").Append(Escape(line.TrimEnd())).Append('\n');
            }
        }

        return text.ToString();
    }

    // Mermaid ends a statement at ';' and starts a comment or entity at '#'; entity codes print them safely.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                ';' => "#59;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
