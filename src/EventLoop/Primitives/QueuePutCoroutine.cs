namespace EventLoop;

/// <summary>
/// What <see cref="AsyncQueue{T}.Put"/> returns, written by hand rather than as an async method (see
/// <see cref="YieldCoroutine"/>): a producer builds one per item, and this way it is one small object with no state
/// machine. It behaves as the async method it replaces: lazy, named Put, the same states and trace; while the queue
/// is full it awaits a putter future, and it stores the item once there is a free slot.
/// </summary>
internal sealed class QueuePutCoroutine<T>(AsyncQueue<T> queue, T item) : Coroutine
{
    private static readonly StateChangeTexts s_stateChanges = new("Put");

    private Future<bool>? _putter;

    public override string Name => "Put";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext()
    {
        Exception? error = null;
        try
        {
            if (_putter is { } putter && WaiterQueue.OutcomeOf(putter) is { } thrown)
            {
                error = thrown;
                queue.AbandonWait(putter, putting: true);
            }
            else if (queue.PutOrQueue(item) is { } queued)
            {
                _putter = queued;
                MarkSuspended().SuspendOnFuture(this, queued);
                return;
            }
        }
        catch (Exception exception)
        {
            error = exception;
        }

        // As an async method's builder does: the outcome is set outside the body's try.
        Complete(error);
    }
}
