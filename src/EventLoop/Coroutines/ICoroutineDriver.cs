namespace EventLoop;

/// <summary>
/// What runs a coroutine (a task): a suspending frame tells it what it waits for, and the driver resumes the
/// innermost frame when that is done.
/// </summary>
internal interface ICoroutineDriver
{
    /// <summary>The frame waits for <paramref name="future"/>: resume it once the future is done.</summary>
    void SuspendOnFuture(Coroutine frame, Future future);

    /// <summary>The frame waits for an awaitable the loop does not own; returns the continuation to hand it.</summary>
    Action SuspendOnForeign(Coroutine frame, Type awaiterType);
}
