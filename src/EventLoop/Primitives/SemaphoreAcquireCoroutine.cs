namespace EventLoop;

/// <summary>
/// What <see cref="AsyncSemaphore.Acquire"/> returns, written by hand rather than as an async method (see
/// <see cref="YieldCoroutine"/>): a task passing a semaphore builds one per acquire, and this way it is one small
/// object with no state machine. It behaves as the async method it replaces: lazy, named Acquire, the same states and
/// trace; it takes a permit when it starts if one is free, otherwise awaits its waiter future once.
/// </summary>
internal sealed class SemaphoreAcquireCoroutine(AsyncSemaphore semaphore) : Coroutine<Releaser>
{
    private static readonly StateChangeTexts s_stateChanges = new("Acquire");

    // The semaphore until the wait, then the waiter future, whose owner is the semaphore: one field instead of two.
    private object _semaphoreOrWaiter = semaphore;

    public override string Name => "Acquire";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext()
    {
        Exception? error = null;
        AsyncSemaphore owner;
        try
        {
            if (_semaphoreOrWaiter is Future<bool> waiter)
            {
                owner = (AsyncSemaphore)waiter.Owner!;
                error = WaiterQueue.OutcomeOf(waiter);
                owner.FinishWait(waiter, error);
            }
            else
            {
                owner = (AsyncSemaphore)_semaphoreOrWaiter;
                if (owner.TakeOrQueue() is { } queued)
                {
                    _semaphoreOrWaiter = queued;
                    MarkSuspended().SuspendOnFuture(this, queued);
                    return;
                }
            }
        }
        catch (Exception exception)
        {
            Complete(exception);
            return;
        }

        // As an async method's builder does: the outcome is set outside the body's try.
        if (error is null)
        {
            SetResult(new Releaser(owner));
        }
        else
        {
            Complete(error);
        }
    }
}
