namespace EventLoop;

/// <summary>
/// The asyncio module's functions, for the loop running on this thread: <c>await Asyncio.Sleep(1)</c>,
/// <c>Asyncio.CreateTask(...)</c>, <c>await Asyncio.Gather(...)</c>, and <see cref="Run{T}"/> to start it all.
/// </summary>
public static partial class Asyncio
{
    /// <summary>
    /// Runs <paramref name="main"/> on a new loop and closes it (<c>asyncio.run</c>): tasks still pending are
    /// cancelled and run down, never-retrieved exceptions and never-awaited coroutines are reported.
    /// </summary>
    public static T Run<T>(Coroutine<T> main, LoopClock clock = LoopClock.Virtual)
    {
        using var runner = new Runner(clock);
        return runner.Run(main);
    }

    /// <inheritdoc cref="Run{T}"/>
    public static void Run(Coroutine main, LoopClock clock = LoopClock.Virtual)
    {
        using var runner = new Runner(clock);
        runner.Run(main);
    }

    /// <summary>
    /// Suspends the current task for <paramref name="seconds"/> of loop time (<c>asyncio.sleep</c>). Zero or less
    /// is a bare yield: the task gives up the loop for exactly one iteration.
    /// </summary>
    public static Coroutine Sleep(double seconds) =>
        seconds <= 0 && !double.IsNegativeInfinity(seconds) ? new YieldCoroutine() : new SleepCoroutine(seconds);

    /// <summary>Like <see cref="Sleep(double)"/>, then returns <paramref name="result"/>.</summary>
    public static async Coroutine<T> Sleep<T>(double seconds, T result)
    {
        await Sleep(seconds);
        return result;
    }

    /// <summary>A bare yield: the current task resumes in the next loop iteration (what <c>Sleep(0)</c> does).</summary>
    public static YieldAwaitable Yield() => default;

    /// <summary>Wraps a coroutine in a task on the running loop (<c>asyncio.create_task</c>).</summary>
    /// <remarks>
    /// As in CPython, the task first gets its default name and is then renamed, so a named task still uses up a
    /// <c>Task-N</c> number (<c>loop.CreateTask(coroutine, name)</c> does not).
    /// </remarks>
    public static LoopTask CreateTask(Coroutine coroutine, string? name = null) =>
        Loop.GetRunningLoop().CreateNumberedTask(coroutine, name);

    /// <inheritdoc cref="CreateTask(Coroutine, string?)"/>
    public static LoopTask<T> CreateTask<T>(Coroutine<T> coroutine, string? name = null) =>
        Loop.GetRunningLoop().CreateNumberedTask(coroutine, name);

    /// <summary>A future as it is; a coroutine wrapped in a task (<c>asyncio.ensure_future</c>).</summary>
    public static Future EnsureFuture(object awaitable) => EnsureFuture(Loop.GetRunningLoop(), awaitable);

    /// <summary>A future as it is; a coroutine wrapped in a task on <paramref name="loop"/>.</summary>
    public static Future EnsureFuture(Loop loop, object awaitable) => awaitable switch
    {
        Future future when future.Loop != loop => throw new ArgumentException(
            $"{future} belongs to another loop; create it on the loop that awaits it.", nameof(awaitable)),
        Future future => future,
        Coroutine coroutine => loop.CreateTask(coroutine),
        null => throw new ArgumentNullException(nameof(awaitable)),
        _ => throw new ArgumentException(
            $"An asyncio.Future or a Coroutine is required, not {awaitable.GetType().Name}.", nameof(awaitable)),
    };

    /// <summary>A task for the coroutine (<c>asyncio.ensure_future</c> of a coroutine).</summary>
    public static LoopTask<T> EnsureFuture<T>(Coroutine<T> coroutine) => CreateTask(coroutine);

    /// <summary>The task running now (<c>asyncio.current_task()</c>), or null outside a task.</summary>
    public static LoopTask? CurrentTask() => Loop.GetRunningLoop().CurrentTask;

    /// <summary>The running loop's tasks that are not done, in creation order (<c>asyncio.all_tasks()</c>).</summary>
    public static IReadOnlyList<LoopTask> AllTasks() => Loop.GetRunningLoop().AllTasks();

    /// <summary>A sleep's timer callback (CPython's <c>futures._set_result_unless_cancelled</c>), as a handle runs it.</summary>
    internal static void SetResultUnlessCancelled(object? state) => SetResultUnlessCancelled((Future<bool>)state!);

    /// <summary>A sleep's timer callback, run by the sleep itself (no cast of its future).</summary>
    internal static void SetResultUnlessCancelled(Future<bool> future)
    {
        if (!future.Cancelled)
        {
            future.SetResult(true);
        }
    }
}
