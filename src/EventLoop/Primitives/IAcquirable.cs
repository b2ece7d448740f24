namespace EventLoop;

/// <summary>
/// A primitive whose <c>acquire()</c> is an <see cref="AcquireCoroutine"/> (a lock or a semaphore), split at its one
/// await: what comes before it and what comes after.
/// </summary>
internal interface IAcquirable : IReleasable
{
    /// <summary>
    /// Takes the lock or a permit and returns true when <c>acquire()</c> does not have to wait; otherwise queues
    /// <paramref name="acquire"/> as a waiter and returns false. <paramref name="loop"/> is the running loop (the
    /// loop of the task that acquires), to which a wait binds the primitive.
    /// </summary>
    bool TakeOrQueue(AcquireCoroutine acquire, Loop loop);

    /// <summary>
    /// What <c>acquire()</c> does once <paramref name="acquire"/>, a waiter, resumed: <paramref name="error"/> is what
    /// the wait threw (a cancellation), or null when the waiter was woken to take the lock or permit.
    /// </summary>
    void FinishWait(AcquireCoroutine acquire, Exception? error);
}
