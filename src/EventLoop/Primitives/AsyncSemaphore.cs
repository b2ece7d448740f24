namespace EventLoop;

/// <summary>
/// A counter of permits (asyncio's <c>Semaphore</c>; named so that it does not clash with
/// <see cref="System.Threading.Semaphore"/>). <see cref="Acquire"/> takes a permit, waiting while there is none;
/// <see cref="Release"/> gives one back. It is fair as in CPython 3.11: a released permit goes to the first waiter
/// (it is taken off the count when the waiter is woken), so a task that comes later cannot overtake the waiters.
/// </summary>
/// <remarks>
/// <c>async with sem:</c> is <c>using (await sem.Acquire()) { ... }</c>. The semaphore belongs to the loop given to
/// the constructor, or else to the loop running when it first makes a task wait. While a task waits, its
/// <see cref="LoopTask.WaitingOn"/> is the semaphore's waiter future.
/// </remarks>
public class AsyncSemaphore : IAcquirable
{
    private readonly WaiterQueue<AcquireCoroutine> _waiters = new();
    private LoopBinding _binding;
    private int _value;

    /// <summary>
    /// A semaphore with <paramref name="value"/> permits (default 1), bound to <paramref name="loop"/> or, when
    /// null, to the loop running when it first makes a task wait.
    /// </summary>
    public AsyncSemaphore(int value = 1, Loop? loop = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Semaphore initial value must be >= 0.");
        }

        _value = value;
        _binding = new LoopBinding(loop);
    }

    /// <summary>
    /// True when <see cref="Acquire"/> would wait (<c>locked()</c>): no permit is left, or a task that was not
    /// cancelled is already waiting.
    /// </summary>
    public bool Locked
    {
        get
        {
            if (_value == 0)
            {
                return true;
            }

            foreach (var waiter in _waiters)
            {
                if (!waiter.WaiterCancelled)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The permits left: the initial value, minus acquisitions and permits handed to woken waiters, plus releases.</summary>
    public int Value => _value;

    /// <summary>
    /// Takes a permit (<c>acquire()</c>): at once when one is free and nobody waits, otherwise after every earlier
    /// waiter. Disposing the result releases the permit.
    /// </summary>
    public Coroutine<Releaser> Acquire() => new AcquireCoroutine(this);

    /// <summary>Gives a permit back (<c>release()</c>) and wakes the first waiter, if any.</summary>
    public virtual void Release()
    {
        _value++;
        WakeUpNext();
    }

    /// <summary>The semaphore's state, as CPython's repr says it: <c>AsyncSemaphore [unlocked, value:2]</c>.</summary>
    public override string ToString() =>
        $"{GetType().Name} [{(Locked ? "locked" : $"unlocked, value:{_value}")}{PrimitiveMisuse.Waiters(_waiters.Count)}]";

    /// <summary>The start of <c>acquire()</c>: a permit is taken at once when one is free and nobody waits.</summary>
    bool IAcquirable.TakeOrQueue(AcquireCoroutine acquire, Loop loop)
    {
        if (!Locked)
        {
            _value--;
            return true;
        }

        // A wait binds the semaphore to the running loop, or fails on another one, before anything is queued.
        _binding.Bind(loop, this);
        _waiters.AddLast(acquire);
        return false;
    }

    /// <summary>
    /// The end of <c>acquire()</c>. The waiter leaves the queue before the cancellation is handled, so that it does
    /// not wake itself.
    /// </summary>
    void IAcquirable.FinishWait(AcquireCoroutine waiter, Exception? error)
    {
        _waiters.Remove(waiter);
        if (error is null)
        {
            if (_value > 0)
            {
                WakeUpNext();
            }
        }
        else if (error is CancelledError && !waiter.WaiterCancelled)
        {
            // Woken (the permit was taken for this waiter) but cancelled before it ran: pass the permit on.
            _value++;
            WakeUpNext();
        }
    }

    /// <summary>Wakes the first waiter that is not done yet and takes a permit for it (CPython's <c>_wake_up_next</c>).</summary>
    private void WakeUpNext()
    {
        foreach (var waiter in _waiters)
        {
            if (!waiter.WaiterDone)
            {
                _value--;
                waiter.WakeWaiter();
                return;
            }
        }
    }
}
