namespace EventLoop;

/// <summary>
/// Runs coroutines on a loop of its own and shuts it down like CPython's <c>asyncio.Runner</c>: on
/// <see cref="Close"/>, tasks still pending are cancelled (in creation order) and run until they finish, then two
/// more runs give tasks that swallowed their cancellation a few more iterations, exactly as CPython's shutdown does.
/// </summary>
public sealed class Runner : IDisposable
{
    private bool _started;

    /// <summary>A runner with a new loop on the given clock.</summary>
    public Runner(LoopClock clock = LoopClock.Virtual) => Loop = new Loop(clock);

    /// <summary>The runner's loop.</summary>
    public Loop Loop { get; }

    /// <summary>The loop time at which the last main coroutine finished, before the shutdown.</summary>
    public double FinishTime { get; private set; }

    /// <summary>Runs <paramref name="main"/> in a task until it completes and returns its result (<c>Runner.run</c>).</summary>
    public T Run<T>(Coroutine<T> main)
    {
        CheckNotInsideALoop();
        _started = true;
        try
        {
            return Loop.RunUntilComplete(main);
        }
        finally
        {
            FinishTime = Loop.Time;
        }
    }

    /// <inheritdoc cref="Run{T}"/>
    public void Run(Coroutine main)
    {
        CheckNotInsideALoop();
        _started = true;
        try
        {
            Loop.RunUntilComplete(main);
        }
        finally
        {
            FinishTime = Loop.Time;
        }
    }

    /// <summary>Cancels what is left, lets it finish, reports what was never retrieved, and closes the loop.</summary>
    public void Close()
    {
        if (Loop.IsClosed)
        {
            return;
        }

        try
        {
            if (!_started)
            {
                return;
            }

            CancelAllTasks();
            Loop.RunUntilComplete(ShutdownAsyncGenerators());
            Loop.RunUntilComplete(ShutdownDefaultExecutor());
        }
        finally
        {
            Loop.Close();
        }
    }

    /// <inheritdoc cref="Close"/>
    public void Dispose() => Close();

    private static void CheckNotInsideALoop()
    {
        if (Loop.Running is not null)
        {
            throw new InvalidOperationException(
                "Runner.Run() cannot be called from a running event loop: await the coroutine (or create a task) instead.");
        }
    }

    private void CancelAllTasks()
    {
        var tasks = Loop.AllTasks();
        if (tasks.Count == 0)
        {
            return;
        }

        foreach (var task in tasks)
        {
            task.Cancel();
        }

        Loop.RunUntilComplete(Asyncio.GatherOn(Loop, returnExceptions: true, tasks));
        foreach (var task in tasks)
        {
            if (!task.Cancelled && task.Exception() is { } exception)
            {
                Loop.CallExceptionHandler(new ExceptionContext("unhandled exception during asyncio.run() shutdown", exception, task));
            }
        }
    }

    // CPython's shutdown_asyncgens and shutdown_default_executor have nothing to do here, but each is one more
    // run_until_complete: two loop iterations in which a task that swallowed its cancellation still runs. Awaiting
    // a completed Task does not suspend, so each finishes in its first step.
    private static async Coroutine ShutdownAsyncGenerators() => await Task.CompletedTask;

    private static async Coroutine ShutdownDefaultExecutor() => await Task.CompletedTask;
}
