namespace EventLoop;

/// <summary>What the primitives whose waiters are futures share about them (see <see cref="WaiterQueue{TWaiter}"/>).</summary>
internal static class WaiterQueue
{
    /// <summary>Queues a new waiter future of <paramref name="owner"/> on <paramref name="loop"/> last, and returns it.</summary>
    public static Future<bool> AddNew(this WaiterQueue<Future<bool>> waiters, Loop loop, object owner)
    {
        var waiter = loop.CreateWaiter(owner);
        waiters.AddLast(waiter);
        return waiter;
    }
}
