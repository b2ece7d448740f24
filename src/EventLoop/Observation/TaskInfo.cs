using System.Text;

namespace EventLoop;

/// <summary>
/// A task's state at one moment (<see cref="TaskInspection.Inspect"/>): what it does, what it waits on, and its
/// await chain (the C# answer to <c>Task.get_stack()</c>).
/// </summary>
/// <param name="Id">The task's number on its loop.</param>
/// <param name="Name">The task's name.</param>
/// <param name="State">Pending, ready, running, waiting or done (and how).</param>
/// <param name="Wait">What kind of thing it waits on, while pending, ready or waiting.</param>
/// <param name="WaitingOn">What it waits on in words (<c>sleep until t=1.000</c>, <c>task Task-2</c>), or empty.</param>
/// <param name="AwaitChain">Its coroutines from the task's own (outermost) to the innermost one, which resumes next.</param>
/// <param name="Outcome">For a done task: its result, exception or <c>cancelled</c>; otherwise empty.</param>
public sealed record TaskInfo(
    long Id, string Name, LoopTaskState State, WaitKind Wait, string WaitingOn, IReadOnlyList<FrameInfo> AwaitChain, string Outcome)
{
    /// <summary>One line: <c>Task-2 waiting on sleep until t=1.000 | my_coroutine -&gt; Sleep</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name).Append(' ').Append(State.ToString().ToLowerInvariant());
        if (WaitingOn.Length > 0)
        {
            text.Append(State == LoopTaskState.Waiting ? " on " : " after ").Append(WaitingOn);
        }

        if (Outcome.Length > 0 && State != LoopTaskState.Cancelled)
        {
            text.Append(' ').Append(Outcome);
        }

        if (AwaitChain.Count > 0 && State is not (LoopTaskState.Completed or LoopTaskState.Failed or LoopTaskState.Cancelled))
        {
            text.Append(" | ").AppendJoin(" -> ", AwaitChain.Select(f => $"{f.Name} [{f.State.ToString().ToLowerInvariant()}]"));
        }

        return text.ToString();
    }
}
