namespace EventLoop;

/// <summary>
/// What <see cref="AsyncQueue{T}.Put"/> returns, written by hand rather than as an async method (see
/// <see cref="YieldCoroutine"/>): a producer builds one per item, and this way it is one small object with no state
/// machine. It behaves as the async method it replaces: lazy, named Put, the same states and trace; while the queue
/// is full it awaits a putter future, and it stores the item once there is a free slot.
/// </summary>
internal sealed class QueuePutCoroutine<T> : Coroutine
{
    private static readonly StateChangeTexts s_stateChanges = new("Put");

    private readonly T _item;

    // The queue until the first wait, then the putter future awaited last, whose owner is the queue: one field
    // instead of two in an object made per item.
    private object _queueOrPutter;

    public QueuePutCoroutine(AsyncQueue<T> queue, T item)
    {
        _queueOrPutter = queue;
        _item = item;
    }

    public override string Name => "Put";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext(LoopTask task)
    {
        Exception? error = null;
        try
        {
            if (_queueOrPutter is not AsyncQueue<T> queue)
            {
                var putter = (Future<bool>)_queueOrPutter;
                queue = (AsyncQueue<T>)putter.Owner!;
                error = task.Loop.OutcomeOfWait(putter);
                if (error is not null)
                {
                    queue.AbandonWait(putter, putting: true);
                }
            }

            if (error is null && queue.PutOrQueue(_item, task.Loop) is { } queued)
            {
                _queueOrPutter = queued;
                MarkSuspended(task).SuspendOnFuture(this, queued);
                return;
            }
        }
        catch (Exception exception)
        {
            error = exception;
        }

        // As an async method's builder does: the outcome is set outside the body's try.
        Complete(error, task);
    }
}
