namespace EventLoop;

/// <summary>
/// A mutual-exclusion lock for tasks (asyncio's <c>Lock</c>; named so that it does not clash with
/// <see cref="System.Threading.Lock"/>). It is not owned by a task: any code may release it. Waiters get the lock
/// in the order they asked for it; a waiter cancelled after being handed the lock passes it on to the next.
/// </summary>
/// <remarks>
/// <para><c>async with lock:</c> is <c>using (await lock.Acquire()) { ... }</c>; <c>await lock.Acquire()</c> followed
/// by <see cref="Release"/> in a <c>finally</c> does the same. Acquire is a coroutine: await it inside a coroutine
/// (or a task). While it waits, the task's <see cref="LoopTask.WaitingOn"/> is the lock's waiter future.</para>
/// <para>The lock belongs to the loop given to the constructor, or else to the loop running when it first has to
/// make a task wait.</para>
/// </remarks>
public sealed class AsyncLock : IAcquirable
{
    private readonly WaiterQueue<AcquireCoroutine> _waiters = new();
    private LoopBinding _binding;
    private bool _locked;

    /// <summary>An unlocked lock, bound to the loop running when it first makes a task wait.</summary>
    public AsyncLock()
    {
    }

    /// <summary>An unlocked lock bound to <paramref name="loop"/>.</summary>
    public AsyncLock(Loop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        _binding = new LoopBinding(loop);
    }

    /// <summary>True while the lock is held (<c>locked()</c>).</summary>
    public bool Locked => _locked;

    /// <summary>
    /// Acquires the lock (<c>acquire()</c>): at once when it is free and nobody waits for it, otherwise after
    /// every earlier waiter. Disposing the result releases the lock.
    /// </summary>
    public Coroutine<Releaser> Acquire() => new AcquireCoroutine(this);

    /// <summary>
    /// Releases the lock (<c>release()</c>) and hands it to the first waiter, if any. Throws
    /// <see cref="InvalidOperationException"/> when the lock is not held.
    /// </summary>
    public void Release()
    {
        if (!_locked)
        {
            throw new InvalidOperationException(
                $"Lock is not acquired: {PrimitiveMisuse.Caller()} called Release() on {this}; "
                + "release a lock only after a successful Acquire(), once per acquisition.");
        }

        _locked = false;
        WakeUpFirst();
    }

    /// <summary>The lock's state, as CPython's repr says it: <c>AsyncLock [locked, waiters:2]</c>.</summary>
    public override string ToString() =>
        $"AsyncLock [{(_locked ? "locked" : "unlocked")}{PrimitiveMisuse.Waiters(_waiters.Count)}]";

    /// <summary>The start of <c>acquire()</c>: the lock is taken at once when it is free and every waiter is cancelled.</summary>
    bool IAcquirable.TakeOrQueue(AcquireCoroutine acquire, Loop loop)
    {
        if (!_locked && AllWaitersCancelled())
        {
            _locked = true;
            return true;
        }

        // A wait binds the lock to the running loop, or fails on another one, before anything is queued.
        _binding.Bind(loop, this);
        _waiters.AddLast(acquire);
        return false;
    }

    /// <summary>
    /// The end of <c>acquire()</c>. The waiter leaves the queue before the cancellation is handled, so that it does
    /// not wake itself; a cancelled waiter that leaves the lock free wakes the next one.
    /// </summary>
    void IAcquirable.FinishWait(AcquireCoroutine waiter, Exception? error)
    {
        _waiters.Remove(waiter);
        if (error is null)
        {
            _locked = true;
        }
        else if (error is CancelledError && !_locked)
        {
            WakeUpFirst();
        }
    }

    private bool AllWaitersCancelled()
    {
        foreach (var waiter in _waiters)
        {
            if (!waiter.WaiterCancelled)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Wakes the first waiter unless it is already done (CPython's <c>_wake_up_first</c>): a done waiter will run,
    /// and either take the lock or, cancelled, wake the next one itself.
    /// </summary>
    private void WakeUpFirst()
    {
        if (_waiters.First is { } first && !first.WaiterDone)
        {
            first.WakeWaiter();
        }
    }
}
