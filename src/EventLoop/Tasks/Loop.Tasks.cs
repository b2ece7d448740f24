using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace EventLoop;

public sealed partial class Loop
{
    private readonly PendingTaskList _pendingTasks = new();
    private long _lastTaskId;
    private long _lastTaskNumber;

    /// <summary>The task whose coroutine runs right now (<c>asyncio.current_task()</c>), or null in a plain callback.</summary>
    public LoopTask? CurrentTask { get; private set; }

    /// <summary>Wraps <paramref name="coroutine"/> in a task and schedules its first step (<c>create_task</c>).</summary>
    /// <param name="coroutine">A coroutine that was never awaited.</param>
    /// <param name="name">The task's name; <c>Task-N</c> (N counts this loop's tasks named so) when null.</param>
    /// <remarks>A coroutine with a result gets a <see cref="LoopTask{T}"/> even through this untyped overload.</remarks>
    public LoopTask CreateTask(Coroutine coroutine, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        return coroutine.CreateTask(this, name);
    }

    /// <inheritdoc cref="CreateTask(Coroutine, string?)"/>
    public LoopTask<T> CreateTask<T>(Coroutine<T> coroutine, string? name = null) => new(this, coroutine, name);

    /// <summary>The tasks of this loop that are not done yet, in creation order (<c>asyncio.all_tasks()</c>).</summary>
    public IReadOnlyList<LoopTask> AllTasks() => _pendingTasks.ToList();

    /// <summary>
    /// Runs the loop until <paramref name="future"/> is done and returns its result (<c>run_until_complete</c>);
    /// throws its exception or cancellation.
    /// </summary>
    public object? RunUntilComplete(Future future)
    {
        RunUntilDone(future);
        return future.Result();
    }

    /// <summary>Wraps <paramref name="coroutine"/> in a task and runs the loop until it is done; returns its result.</summary>
    public T RunUntilComplete<T>(Coroutine<T> coroutine)
    {
        var task = CreateTask(coroutine);
        RunUntilDone(task);
        return task.Result();
    }

    /// <summary>Wraps <paramref name="coroutine"/> in a task and runs the loop until it is done.</summary>
    public void RunUntilComplete(Coroutine coroutine) => RunUntilComplete(CreateTask(coroutine));

    internal long NextTaskId() => ++_lastTaskId;

    internal long NextTaskNumber() => ++_lastTaskNumber;

    /// <summary>
    /// A task as <c>asyncio.create_task</c> and <c>TaskGroup.create_task</c> make it: CPython creates it with its
    /// default name and renames it, so a named task still uses up a <c>Task-N</c> number.
    /// </summary>
    internal LoopTask CreateNumberedTask(Coroutine coroutine, string? name)
    {
        if (name is not null)
        {
            NextTaskNumber();
        }

        return CreateTask(coroutine, name);
    }

    /// <inheritdoc cref="CreateNumberedTask(Coroutine, string?)"/>
    internal LoopTask<T> CreateNumberedTask<T>(Coroutine<T> coroutine, string? name)
    {
        if (name is not null)
        {
            NextTaskNumber();
        }

        return CreateTask(coroutine, name);
    }

    internal void RegisterTask(LoopTask task) => _pendingTasks.Add(task);

    internal void UnregisterTask(LoopTask task)
    {
        if (task.Registered)
        {
            _pendingTasks.Remove(task);
        }
    }

    internal void EnterTask(LoopTask task)
    {
        if (CurrentTask is not null)
        {
            ThrowEnterTaskMismatch(task);
        }

        CurrentTask = task;
    }

    internal void LeaveTask(LoopTask task)
    {
        if (CurrentTask != task)
        {
            ThrowLeaveTaskMismatch(task);
        }

        CurrentTask = null;
    }

    // The throws live apart so that EnterTask and LeaveTask, called at every step, stay small enough to inline.
    [DoesNotReturn]
    private void ThrowEnterTaskMismatch(LoopTask task) => throw new InvalidOperationException(
        $"Cannot enter into task '{task.Name}' while another task '{CurrentTask?.Name}' is being executed.");

    [DoesNotReturn]
    private void ThrowLeaveTaskMismatch(LoopTask task) => throw new InvalidOperationException(
        $"Leaving task '{task.Name}' does not match the current task '{CurrentTask?.Name}'.");

    /// <summary>One line per pending task: what it waits on and its await chain (for deadlock reports).</summary>
    internal string DescribeWaitingTasks()
    {
        var text = new StringBuilder();
        foreach (var task in _pendingTasks.ToList())
        {
            text.Append("\n  task '").Append(task.Name).Append("' waits on ");
            text.Append(task.WaitingOn is { } future ? future.ToString() : "nothing that can complete");
            text.Append(", at ").Append(task.CurrentFrame.Name);
            for (var frame = task.CurrentFrame.Caller; frame is not null; frame = frame.Caller)
            {
                text.Append(" <- ").Append(frame.Name);
            }
        }

        return text.Length == 0 ? " (no task)" : text.ToString();
    }

    private void RunUntilDone(Future future)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException(
                "This event loop is already running: RunUntilComplete cannot be called from inside the loop; await the work instead.");
        }

        var stopWhenDone = new DoneCallback(StopWhenDone, future);
        future.AddDoneCallback(stopWhenDone);
        try
        {
            RunForever();
        }
        finally
        {
            future.RemoveDoneCallback(stopWhenDone);
        }

        if (!future.Done)
        {
            throw new InvalidOperationException("Event loop stopped before the future completed: Stop() was called while it was pending.");
        }
    }

    private static void StopWhenDone(Future future)
    {
        if (!future.Cancelled)
        {
            future.Exception();
        }

        future.Loop.Stop();
    }
}
