using System.Text;

namespace EventLoop;

/// <summary>
/// Reading the state of tasks at any moment (between steps, in a deadlock, in a debugger): a task's state and what
/// it waits on, its await chain (<c>get_stack</c>/<c>print_stack</c>), and a dump of every task of a loop.
/// </summary>
public static class TaskInspection
{
    /// <summary>The task's state right now.</summary>
    public static TaskInfo Inspect(this LoopTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var chain = task.Done ? [] : GetStack(task).Select(c => new FrameInfo(c.Name, c.State)).ToList();
        if (task.Done)
        {
            var (state, outcome) = task.Cancelled ? (LoopTaskState.Cancelled, "cancelled")
                : task.ExceptionUnchecked is { } exception ? (LoopTaskState.Failed, "with " + TraceValues.Exception(exception))
                : (LoopTaskState.Completed, TraceValues.ResultOf(task));
            return new TaskInfo(task.Id, task.Name, state, WaitKind.None, "", chain, outcome);
        }

        if (task.Loop.CurrentTask == task)
        {
            return new TaskInfo(task.Id, task.Name, LoopTaskState.Running, WaitKind.None, "", chain, "");
        }

        if (task.Coroutine.State == CoroutineState.Created)
        {
            return new TaskInfo(task.Id, task.Name, LoopTaskState.Pending, WaitKind.None, "", chain, "");
        }

        var (wait, waitingOn) = task.Loop.DescribeWait(task.WaitingOn is null ? WaitKind.Foreign : WaitKind.Future, task.WaitingOn);
        if (wait == WaitKind.Future && task.WaitingOn!.Done && IsAsyncioSleep(task.CurrentFrame))
        {
            // The sleep's timer has fired and left the heap: the deadline is gone, but it was a sleep.
            (wait, waitingOn) = (WaitKind.Sleep, "sleep (over)");
        }
        if (task.Loop.HasReadyStep(task))
        {
            return task.WaitingOn is null
                ? new TaskInfo(task.Id, task.Name, LoopTaskState.Ready, WaitKind.Yield, "yield", chain, "")
                : new TaskInfo(task.Id, task.Name, LoopTaskState.Ready, wait, waitingOn, chain, "");
        }

        return new TaskInfo(task.Id, task.Name, LoopTaskState.Waiting, wait, waitingOn, chain, "");
    }

    /// <summary>
    /// The task's await chain, outermost first: its own coroutine, the coroutine that one awaits, and so on down to
    /// the innermost, which resumes next (<c>Task.get_stack()</c>, in the order <c>print_stack</c> prints). Empty
    /// once the task is done.
    /// </summary>
    public static IReadOnlyList<Coroutine> GetStack(this LoopTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Done)
        {
            return [];
        }

        var frames = new List<Coroutine>();
        for (var frame = task.CurrentFrame; frame is not null; frame = frame.Caller)
        {
            frames.Add(frame);
        }

        frames.Reverse();
        return frames;
    }

    /// <summary>Writes the task's state and await chain, one coroutine per line (<c>Task.print_stack()</c>).</summary>
    public static void PrintStack(this LoopTask task, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var info = task.Inspect();
        writer.Write(Describe(info));
    }

    /// <summary>Every pending task of the loop (<c>all_tasks()</c>, creation order), with what it waits on and its await chain.</summary>
    public static string DumpTasks(this Loop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return DumpTasks(loop.AllTasks());
    }

    /// <summary>The given tasks (done ones too), one block per task: a state line, then its await chain.</summary>
    public static string DumpTasks(IEnumerable<LoopTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var text = new StringBuilder();
        foreach (var task in tasks)
        {
            text.Append(Describe(task.Inspect()));
        }

        return text.Length == 0 ? "(no tasks)\n" : text.ToString();
    }

    private static bool IsAsyncioSleep(Coroutine frame) =>
        frame is SleepCoroutine
        || (frame.Name == nameof(Asyncio.Sleep)
            && frame.GetType() is { IsGenericType: true } type
            && type.GetGenericArguments()[0].DeclaringType == typeof(Asyncio));

    private static string Describe(TaskInfo info)
    {
        var text = new StringBuilder();
        text.Append(info.Name).Append(": ").Append(info.State.ToString().ToLowerInvariant());
        if (info.WaitingOn.Length > 0)
        {
            text.Append(info.State == LoopTaskState.Waiting ? " on " : " after ").Append(info.WaitingOn);
        }

        if (info.Outcome.Length > 0 && info.State != LoopTaskState.Cancelled)
        {
            text.Append(' ').Append(info.Outcome);
        }

        text.Append('\n');
        foreach (var frame in info.AwaitChain)
        {
            text.Append("    ").Append(frame.Name).Append(" [").Append(frame.State.ToString().ToLowerInvariant()).Append("]\n");
        }

        return text.ToString();
    }
}
