namespace EventLoop;

/// <summary>
/// What <see cref="AsyncLock.Acquire"/> and <see cref="AsyncSemaphore.Acquire"/> return, written by hand rather than
/// as an async method (see <see cref="YieldCoroutine"/>): a task passing a lock or semaphore builds one per acquire,
/// and this way it is one small object with no state machine. It behaves as the async methods it replaces: lazy,
/// named Acquire, the same states and trace; it takes the lock or a permit when it starts if it can, otherwise awaits
/// its waiter future once.
/// </summary>
internal sealed class AcquireCoroutine(IAcquirable primitive) : Coroutine<Releaser>
{
    private static readonly StateChangeTexts s_stateChanges = new("Acquire");

    // The primitive until the wait, then the waiter future, whose owner is the primitive: one field instead of two.
    private object _primitiveOrWaiter = primitive;

    public override string Name => "Acquire";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext()
    {
        Exception? error = null;
        IAcquirable owner;
        try
        {
            if (_primitiveOrWaiter is Future<bool> waiter)
            {
                owner = (IAcquirable)waiter.Owner!;
                error = WaiterQueue.OutcomeOf(waiter);
                owner.FinishWait(waiter, error);
            }
            else
            {
                owner = (IAcquirable)_primitiveOrWaiter;
                if (owner.TakeOrQueue() is { } queued)
                {
                    _primitiveOrWaiter = queued;
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
