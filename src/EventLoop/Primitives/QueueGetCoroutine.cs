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

    private Future<bool>? _getter;

    public override string Name => "Get";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext()
    {
        Exception? error = null;
        T item = default!;
        try
        {
            if (_getter is { } getter && WaiterQueue.OutcomeOf(getter) is { } thrown)
            {
                error = thrown;
                queue.AbandonWait(getter, putting: false);
            }
            else if (queue.TakeOrQueue(out item) is { } queued)
            {
                _getter = queued;
                MarkSuspended().SuspendOnFuture(this, queued);
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
            SetResult(item);
        }
        else
        {
            Complete(error);
        }
    }
}
