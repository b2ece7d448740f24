using System.Runtime.ExceptionServices;

namespace EventLoop;

/// <summary>
/// A group of child tasks that a block waits for (asyncio's <c>TaskGroup</c>, CPython 3.11):
/// <c>await TaskGroup.Run(async tg =&gt; { tg.CreateTask(...); ... })</c>. <see cref="Run(Func{TaskGroup, Coroutine})"/>
/// returns once every child is done. The first child that fails cancels the others and the block; then the
/// failures (and the block's own, if it failed) are thrown as one <see cref="ExceptionGroup"/>. A cancellation of the
/// task running the group from outside is not swallowed: it is raised again once the children are done.
/// </summary>
/// <remarks>
/// The block is a delegate rather than an <c>await using</c> block because the group's exit must know the exception
/// leaving the block (Python's <c>__aexit__</c> gets it, <c>DisposeAsync</c> does not), and the exit awaits a loop
/// future, which an awaiter of our own resumes in the same iteration as CPython does. Siblings are cancelled in
/// creation order (CPython iterates a set).
/// </remarks>
public sealed class TaskGroup
{
    private readonly Loop _loop;
    private readonly LoopTask _parentTask;
    private readonly HashSet<LoopTask> _tasks = new(ReferenceEqualityComparer.Instance);
    private readonly List<Exception> _errors = [];
    private bool _exiting;
    private bool _aborting;
    private bool _parentCancelRequested;
    private Future<bool>? _onCompleted;

    private TaskGroup(Loop loop, LoopTask parentTask)
    {
        _loop = loop;
        _parentTask = parentTask;
    }

    /// <summary>Runs <paramref name="body"/> inline in the current task with a new group, then waits for the group's children.</summary>
    /// <exception cref="ExceptionGroup">Children (or the body) failed; it holds their exceptions.</exception>
    public static async Coroutine Run(Func<TaskGroup, Coroutine> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var group = Enter();
        Exception? error = null;
        try
        {
            await body(group);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        await group.Exit(error);
    }

    /// <summary>Runs <paramref name="body"/> with a new group, waits for the group's children, and returns the body's result.</summary>
    /// <exception cref="ExceptionGroup">Children (or the body) failed; it holds their exceptions.</exception>
    public static async Coroutine<T> Run<T>(Func<TaskGroup, Coroutine<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var group = Enter();
        Exception? error = null;
        T result = default!;
        try
        {
            result = await body(group);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        await group.Exit(error);
        return result;
    }

    /// <summary>Creates a child task in the group (<c>tg.create_task</c>).</summary>
    public LoopTask<T> CreateTask<T>(Coroutine<T> coroutine, string? name = null)
    {
        CheckCanCreate(coroutine);
        return Track(_loop.CreateNumberedTask(coroutine, name));
    }

    /// <inheritdoc cref="CreateTask{T}(Coroutine{T}, string?)"/>
    public LoopTask CreateTask(Coroutine coroutine, string? name = null)
    {
        CheckCanCreate(coroutine);
        return Track(_loop.CreateNumberedTask(coroutine, name));
    }

    /// <summary>Python's repr: <c>&lt;TaskGroup tasks=2 errors=1 cancelling&gt;</c>.</summary>
    public override string ToString()
    {
        var info = "";
        if (_tasks.Count > 0)
        {
            info += $" tasks={_tasks.Count}";
        }

        if (_errors.Count > 0)
        {
            info += $" errors={_errors.Count}";
        }

        info += _aborting ? " cancelling" : " entered";
        return $"<TaskGroup{info}>";
    }

    private static TaskGroup Enter()
    {
        var loop = Loop.GetRunningLoop();
        var parent = loop.CurrentTask ?? throw new InvalidOperationException(
            "TaskGroup cannot determine the parent task: run the group from a coroutine that a task runs.");
        return new TaskGroup(loop, parent);
    }

    private void CheckCanCreate(Coroutine coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        if (_exiting && _tasks.Count == 0)
        {
            throw new InvalidOperationException(
                $"TaskGroup {this} is finished: cannot create a task for coroutine '{coroutine.Name}' after the group's block and children are done; "
                + "create it inside the block (or in a child), or use Asyncio.CreateTask.");
        }

        if (_aborting)
        {
            throw new InvalidOperationException(
                $"TaskGroup {this} is shutting down: cannot create a task for coroutine '{coroutine.Name}' while the group cancels its children.");
        }
    }

    private TTask Track<TTask>(TTask task)
        where TTask : LoopTask
    {
        task.AddDoneCallback(OnTaskDone);
        _tasks.Add(task);
        return task;
    }

    /// <summary>CPython's <c>__aexit__</c>: waits for the children, then decides what leaves the block.</summary>
    private async Coroutine Exit(Exception? error)
    {
        _exiting = true;
        var propagateCancellation = error as CancelledError;
        if (_parentCancelRequested && _parentTask.Uncancel() == 0)
        {
            // The only cancellation pending was the group's own: it is not propagated.
            propagateCancellation = null;
        }

        if (error is not null && !_aborting)
        {
            // The parent is being cancelled, or the block failed.
            Abort();
        }

        // A loop, because the parent task may be cancelled again while waiting.
        while (_tasks.Count > 0)
        {
            _onCompleted ??= _loop.CreateFuture<bool>();
            try
            {
                await _onCompleted;
            }
            catch (CancelledError cancelled)
            {
                if (!_aborting)
                {
                    // The parent task is cancelled while children still run.
                    propagateCancellation = cancelled;
                    Abort();
                }
            }

            _onCompleted = null;
        }

        // Other errors take priority over the cancellation.
        if (propagateCancellation is not null && _errors.Count == 0)
        {
            ExceptionDispatchInfo.Throw(propagateCancellation);
        }

        if (error is not null and not CancelledError)
        {
            _errors.Add(error);
        }

        if (_errors.Count > 0)
        {
            throw new ExceptionGroup("unhandled errors in a TaskGroup", _errors);
        }

        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private void Abort()
    {
        _aborting = true;

        // In creation order, as vloop does (CPython iterates the set in address order).
        foreach (var task in _tasks.OrderBy(t => t.Id).ToArray())
        {
            if (!task.Done)
            {
                task.Cancel();
            }
        }
    }

    private void OnTaskDone(Future future)
    {
        var task = (LoopTask)future;
        _tasks.Remove(task);
        if (_onCompleted is not null && _tasks.Count == 0 && !_onCompleted.Done)
        {
            _onCompleted.SetResult(true);
        }

        if (task.Cancelled || task.Exception() is not { } exception)
        {
            return;
        }

        _errors.Add(exception);
        if (_parentTask.Done)
        {
            _loop.CallExceptionHandler(new ExceptionContext(
                $"Task '{task.Name}' has errored out but its parent task '{_parentTask.Name}' is already completed", exception, task));
            return;
        }

        if (!_aborting && !_parentCancelRequested)
        {
            // Cancel the parent so that the block stops too; Exit takes this request back with Uncancel.
            Abort();
            _parentCancelRequested = true;
            _parentTask.Cancel();
        }
    }
}
