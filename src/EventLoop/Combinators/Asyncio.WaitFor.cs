namespace EventLoop;

public static partial class Asyncio
{
    /// <summary>
    /// Awaits the coroutine with a time limit (<c>asyncio.wait_for</c>, CPython 3.11): without a timeout it is awaited
    /// inline; otherwise it runs in a task. When <paramref name="timeout"/> seconds pass first, the task is cancelled
    /// and waited for, then <see cref="TimeoutException"/> is thrown (with the cancellation as inner exception), unless
    /// the task swallowed the cancellation and finished anyway: then its result is returned. Cancelling the awaiter
    /// cancels the task too, and waits for it.
    /// </summary>
    public static async Coroutine<T> WaitFor<T>(Coroutine<T> coroutine, double? timeout)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        if (timeout is not { } limit)
        {
            return await coroutine;
        }

        var future = await WaitForCore(Loop.GetRunningLoop(), coroutine, limit);
        return ((IFuture<T>)future).Result();
    }

    /// <inheritdoc cref="WaitFor{T}(Coroutine{T}, double?)"/>
    public static async Coroutine WaitFor(Coroutine coroutine, double? timeout)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        if (timeout is not { } limit)
        {
            await coroutine;
            return;
        }

        var future = await WaitForCore(Loop.GetRunningLoop(), coroutine, limit);
        future.Result();
    }

    /// <summary>
    /// Awaits the task with a time limit (<c>asyncio.wait_for</c>): on timeout the task is cancelled and waited for,
    /// then <see cref="TimeoutException"/> is thrown.
    /// </summary>
    public static Coroutine<T> WaitFor<T>(LoopTask<T> task, double? timeout) => WaitForFuture(task, task, timeout);

    /// <summary>
    /// Awaits the future with a time limit (<c>asyncio.wait_for</c>): on timeout it is cancelled, then
    /// <see cref="TimeoutException"/> is thrown.
    /// </summary>
    public static Coroutine<T> WaitFor<T>(Future<T> future, double? timeout) => WaitForFuture(future, future, timeout);

    /// <summary>Awaits a future or task without a typed result with a time limit (<c>asyncio.wait_for</c>).</summary>
    public static async Coroutine WaitFor(Future future, double? timeout)
    {
        ArgumentNullException.ThrowIfNull(future);
        if (timeout is not { } limit)
        {
            await future;
            return;
        }

        var done = await WaitForCore(Loop.GetRunningLoop(), future, limit);
        done.Result();
    }

    private static async Coroutine<T> WaitForFuture<T>(Future future, IFuture<T> typed, double? timeout)
    {
        ArgumentNullException.ThrowIfNull(future);
        if (timeout is not { } limit)
        {
            await future;
            return typed.Result();
        }

        await WaitForCore(Loop.GetRunningLoop(), future, limit);
        return typed.Result();
    }

    /// <summary>
    /// CPython 3.11's <c>wait_for</c> once a timeout is given, line for line; returns the future, done, whose result
    /// the caller hands out (or whose exception it raises).
    /// </summary>
    private static async Coroutine<Future> WaitForCore(Loop loop, object awaitable, double timeout)
    {
        Loop.CheckDelay(timeout, nameof(timeout));
        Future future;
        if (timeout <= 0)
        {
            future = EnsureFuture(loop, awaitable);
            if (future.Done)
            {
                return future;
            }

            await CancelAndWait(loop, future);
            return TimeoutIfCancelled(future);
        }

        var waiter = loop.CreateFuture<bool>();
        var timeoutHandle = loop.CallLater(timeout, () => ReleaseWaiter(waiter));
        Action<Future> callback = _ => ReleaseWaiter(waiter);
        future = EnsureFuture(loop, awaitable);
        future.AddDoneCallback(callback);
        try
        {
            try
            {
                await waiter;
            }
            catch (CancelledError)
            {
                // Cancelled while the inner was finishing: its outcome wins (CPython 3.11 behaves so).
                if (future.Done)
                {
                    return future;
                }

                future.RemoveDoneCallback(callback);
                await CancelAndWait(loop, future);
                throw;
            }

            if (future.Done)
            {
                return future;
            }

            future.RemoveDoneCallback(callback);

            // The inner must not run after WaitFor returns (bpo-32751).
            await CancelAndWait(loop, future);

            // The inner may have swallowed the cancellation and failed instead (bpo-40607): that exception is raised.
            return TimeoutIfCancelled(future);
        }
        finally
        {
            timeoutHandle.Cancel();
        }
    }

    private static Future TimeoutIfCancelled(Future future) => future.Cancelled
        ? throw new TimeoutException(string.Empty, future.MakeCancelledError())
        : future;

    /// <summary>Cancels the future and waits until it is done, through a waiter so that the wait itself stays cancellable.</summary>
    private static async Coroutine CancelAndWait(Loop loop, Future future)
    {
        var waiter = loop.CreateFuture<bool>();
        Action<Future> callback = _ => ReleaseWaiter(waiter);
        future.AddDoneCallback(callback);
        try
        {
            future.Cancel();
            await waiter;
        }
        finally
        {
            future.RemoveDoneCallback(callback);
        }
    }
}
