namespace EventLoop;

public static partial class Asyncio
{
    /// <summary>
    /// Waits until the futures or tasks are done as <paramref name="returnWhen"/> says, or until
    /// <paramref name="timeout"/> seconds have passed (<c>asyncio.wait</c>). It never raises the futures'
    /// exceptions and never cancels them: what is not done at the end is in <c>Pending</c>. Both sets enumerate tasks
    /// in creation order.
    /// </summary>
    /// <remarks>
    /// As CPython's <c>_wait</c>, it adds a done callback to every future and waits for a waiter future those
    /// callbacks (or the timeout's timer) complete, so it costs the same loop iterations, also when every future is
    /// already done. Coroutines are not accepted (CPython 3.11 forbids them too): wrap them in tasks.
    /// </remarks>
    public static async Coroutine<(FutureSet<TFuture> Done, FutureSet<TFuture> Pending)> Wait<TFuture>(
        IEnumerable<TFuture> futures, double? timeout = null, ReturnWhen returnWhen = ReturnWhen.AllCompleted)
        where TFuture : Future
    {
        ArgumentNullException.ThrowIfNull(futures);
        if (returnWhen is not (ReturnWhen.AllCompleted or ReturnWhen.FirstCompleted or ReturnWhen.FirstException))
        {
            throw new ArgumentOutOfRangeException(nameof(returnWhen), returnWhen, $"Invalid return_when value: {returnWhen}.");
        }

        var all = FutureSet<TFuture>.Distinct(futures, nameof(futures));
        if (all.Count == 0)
        {
            throw new ArgumentException("Set of Tasks/Futures is empty: Wait needs at least one future or task.", nameof(futures));
        }

        var loop = Loop.GetRunningLoop();
        foreach (var future in all)
        {
            if (future.Loop != loop)
            {
                throw new ArgumentException($"{future} belongs to another loop; Wait can only wait for futures of the running loop.", nameof(futures));
            }
        }

        var waiter = loop.CreateFuture<bool>();
        TimerHandle? timeoutHandle = null;
        if (timeout is { } delay)
        {
            timeoutHandle = loop.CallLater(delay, () => ReleaseWaiter(waiter));
        }

        var counter = all.Count;
        void OnCompletion(Future future)
        {
            counter--;
            if (counter <= 0
                || returnWhen == ReturnWhen.FirstCompleted
                || (returnWhen == ReturnWhen.FirstException && !future.Cancelled && future.Exception() is not null))
            {
                timeoutHandle?.Cancel();
                ReleaseWaiter(waiter);
            }
        }

        Action<Future> onCompletion = OnCompletion;
        foreach (var future in all)
        {
            future.AddDoneCallback(onCompletion);
        }

        try
        {
            await waiter;
        }
        finally
        {
            timeoutHandle?.Cancel();
            foreach (var future in all)
            {
                future.RemoveDoneCallback(onCompletion);
            }
        }

        var done = new List<TFuture>();
        var pending = new List<TFuture>();
        foreach (var future in all)
        {
            (future.Done ? done : pending).Add(future);
        }

        return (new FutureSet<TFuture>(done), new FutureSet<TFuture>(pending));
    }

    /// <summary>Completes the waiter unless it is done already (CPython's <c>_release_waiter</c>).</summary>
    private static void ReleaseWaiter(Future<bool> waiter)
    {
        if (!waiter.Done)
        {
            waiter.SetResult(true);
        }
    }
}
