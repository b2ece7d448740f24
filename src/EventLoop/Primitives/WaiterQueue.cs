namespace EventLoop;

/// <summary>What the primitives whose waiters are futures share about them (see <see cref="WaiterQueue{TWaiter}"/>).</summary>
internal static class WaiterQueue
{
    /// <summary>
    /// What awaiting <paramref name="waiter"/> ended with once its task resumes, as the future awaiter's GetResult
    /// would throw it (a cancellation thrown into the task, or the waiter's own); null when it was woken.
    /// </summary>
    public static Exception? OutcomeOf(Future<bool> waiter)
    {
        try
        {
            waiter.Loop.ThrowIfPendingThrow();
            waiter.ThrowIfNotSuccessful();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>Queues a new waiter future of <paramref name="owner"/> on <paramref name="loop"/> last, and returns it.</summary>
    public static Future<bool> AddNew(this WaiterQueue<Future<bool>> waiters, Loop loop, object owner)
    {
        var waiter = loop.CreateWaiter(owner);
        waiters.AddLast(waiter);
        return waiter;
    }
}
