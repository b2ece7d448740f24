namespace EventLoop;

/// <summary>
/// What <see cref="AsyncQueue{T}.Get"/> returns, written by hand rather than as an async method (see
/// <see cref="YieldCoroutine"/>): a consumer builds one per item, and this way it is one small object with no state
/// machine. It behaves as the async method it replaces: lazy, named Get, the same states and trace; while the queue
/// is empty it awaits a getter future, and it takes the next item once there is one.
/// </summary>
internal sealed class QueueGetCoroutine<T>(AsyncQueue<T> queue) : Coroutine<T>
{
    private static readonly StateChangeTexts s_stateChanges = new("Get");

    // The queue until the first wait, then the getter future awaited last, whose owner is the queue: one field
    // instead of two in an object made per item.
    private object _queueOrGetter = queue;

    public override string Name => "Get";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext(LoopTask task)
    {
        Exception? error = null;
        T item = default!;
        try
        {
            if (_queueOrGetter is not AsyncQueue<T> owner)
            {
                var getter = (Future<bool>)_queueOrGetter;
                owner = (AsyncQueue<T>)getter.Owner!;
                error = task.Loop.OutcomeOfWait(getter);
                if (error is not null)
                {
                    owner.AbandonWait(getter, putting: false);
                }
            }

            if (error is null && owner.TakeOrQueue(out item, task.Loop) is { } queued)
            {
                _queueOrGetter = queued;
                MarkSuspended(task).SuspendOnFuture(this, queued);
                return;
            }
        }
        catch (Exception exception)
        {
            error = exception;
        }

        // As an async method's builder does: the outcome is set outside the body's try.
        if (error is null)
        {
            SetResult(item, task);
        }
        else
        {
            Complete(error, task);
        }
    }
}
