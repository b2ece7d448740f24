namespace EventLoop;

/// <summary>
/// A condition variable (asyncio's <c>Condition</c>): tasks holding its lock wait until another task notifies
/// them. Notified waiters wake in the order they started waiting and each re-acquires the lock before
/// <see cref="Wait"/> returns.
/// </summary>
/// <remarks>
/// <para><c>async with cond:</c> is <c>using (await cond.Acquire()) { ... }</c>. <see cref="Wait"/>,
/// <see cref="Notify"/> and <see cref="NotifyAll"/> require the lock to be held.</para>
/// <para>A wait that is cancelled still re-acquires the lock before the cancellation propagates, so the
/// <c>using</c> scope around it always releases a held lock.</para>
/// </remarks>
public sealed class AsyncCondition
{
    private readonly AsyncLock _lock;
    private readonly WaiterQueue<Future<bool>> _waiters = new();
    private LoopBinding _binding;

    /// <summary>A condition with a new lock of its own, bound to the loop running when it first makes a task wait.</summary>
    public AsyncCondition()
        : this(new AsyncLock())
    {
    }

    /// <summary>A condition over <paramref name="lockToUse"/> (shared with other conditions or code).</summary>
    public AsyncCondition(AsyncLock lockToUse)
    {
        ArgumentNullException.ThrowIfNull(lockToUse);
        _lock = lockToUse;
    }

    /// <summary>A condition with a new lock of its own, both bound to <paramref name="loop"/>.</summary>
    public AsyncCondition(Loop loop)
        : this(new AsyncLock(loop))
    {
        _binding = new LoopBinding(loop);
    }

    /// <summary>True while the underlying lock is held (<c>locked()</c>).</summary>
    public bool Locked => _lock.Locked;

    /// <summary>Acquires the underlying lock (<c>acquire()</c>); disposing the result releases it.</summary>
    public Coroutine<Releaser> Acquire() => _lock.Acquire();

    /// <summary>Releases the underlying lock (<c>release()</c>).</summary>
    public void Release() => _lock.Release();

    /// <summary>
    /// Releases the lock, waits until notified, re-acquires the lock and returns true (<c>wait()</c>). Throws
    /// <see cref="InvalidOperationException"/> when the lock is not held.
    /// </summary>
    public async Coroutine<bool> Wait()
    {
        if (!Locked)
        {
            throw new InvalidOperationException(
                $"cannot wait on un-acquired lock: {PrimitiveMisuse.Caller()} called Wait() on {this}; "
                + "acquire the condition first (using (await cond.Acquire()) { ... await cond.Wait(); }).");
        }

        Release();
        try
        {
            var waiter = _waiters.AddNew(_binding.Get(this), this);
            try
            {
                await waiter;
                return true;
            }
            finally
            {
                _waiters.Remove(waiter);
            }
        }
        finally
        {
            // The lock must be held again when Wait ends, even when it ends with a cancellation.
            var cancelled = false;
            while (true)
            {
                try
                {
                    await _lock.Acquire();
                    break;
                }
                catch (CancelledError)
                {
                    cancelled = true;
                }
            }

            if (cancelled)
            {
                throw new CancelledError();
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="predicate"/> is true (<c>wait_for()</c>), checking it first and after every
    /// notification; the lock must be held.
    /// </summary>
    public async Coroutine<bool> WaitFor(Func<bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var result = predicate();
        while (!result)
        {
            await Wait();
            result = predicate();
        }

        return result;
    }

    /// <summary>
    /// Wakes up to <paramref name="n"/> waiters, first come first served (<c>notify(n)</c>). They return from
    /// <see cref="Wait"/> once they get the lock, so release it after notifying. Throws
    /// <see cref="InvalidOperationException"/> when the lock is not held.
    /// </summary>
    public void Notify(int n = 1)
    {
        if (!Locked)
        {
            throw new InvalidOperationException(
                $"cannot notify on un-acquired lock: {PrimitiveMisuse.Caller()} called Notify() on {this}; "
                + "acquire the condition first (using (await cond.Acquire()) { cond.Notify(); }).");
        }

        var woken = 0;
        foreach (var waiter in _waiters)
        {
            if (woken >= n)
            {
                break;
            }

            if (!waiter.Done)
            {
                woken++;
                waiter.SetResult(false);
            }
        }
    }

    /// <summary>Wakes every waiter (<c>notify_all()</c>); the lock must be held.</summary>
    public void NotifyAll() => Notify(_waiters.Count);

    /// <summary>The condition's state, as CPython's repr says it: <c>AsyncCondition [locked, waiters:1]</c>.</summary>
    public override string ToString() =>
        $"AsyncCondition [{(Locked ? "locked" : "unlocked")}{PrimitiveMisuse.Waiters(_waiters.Count)}]";
}
