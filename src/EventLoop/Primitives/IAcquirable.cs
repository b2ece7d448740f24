namespace EventLoop;

/// <summary>
/// A primitive whose <c>acquire()</c> is an <see cref="AcquireCoroutine"/> (a lock or a semaphore), split at its one
/// await: what comes before it and what comes after.
/// </summary>
internal interface IAcquirable : IReleasable
{
    /// <summary>
    /// Takes the lock or a permit and returns null when <c>acquire()</c> does not have to wait; otherwise queues a
    /// waiter future, whose owner is the primitive, and returns it for the caller to await.
    /// </summary>
    Future<bool>? TakeOrQueue();

    /// <summary>
    /// What <c>acquire()</c> does once <paramref name="waiter"/> woke it: <paramref name="error"/> is what the
    /// await threw (a cancellation), or null when the waiter was woken to take the lock or permit.
    /// </summary>
    void FinishWait(Future<bool> waiter, Exception? error);
}
