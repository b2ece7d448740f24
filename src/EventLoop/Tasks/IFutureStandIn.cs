namespace EventLoop;

/// <summary>
/// A hand-written frame that its task waits on in place of the future CPython's coroutine would await (a timed sleep,
/// the acquire of a lock or semaphore): the future is made only when something asks for it (see
/// <see cref="LoopTask.WaitingOn"/>), and most waits end without anybody asking.
/// </summary>
internal interface IFutureStandIn
{
    /// <summary>
    /// The future the frame stands in for, made when first asked, in the state it would be in by then: pending with
    /// the task's wake-up as its callback, or done once the wake-up is queued. The task waits on it from then on.
    /// </summary>
    Future<bool> Future { get; }
}
