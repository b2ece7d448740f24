namespace EventLoop;

/// <summary>
/// A flag tasks can wait for (asyncio's <c>Event</c>). <see cref="Set"/> wakes every waiter, in the order they
/// started waiting; a task that waits while the flag is set does not suspend at all.
/// </summary>
/// <remarks>
/// The event belongs to the loop given to the constructor, or else to the loop running when it first makes a task
/// wait. While a task waits, its <see cref="LoopTask.WaitingOn"/> is the event's waiter future.
/// </remarks>
public sealed class AsyncEvent
{
    private readonly WaiterQueue<Future<bool>> _waiters = new();
    private LoopBinding _binding;
    private bool _value;

    /// <summary>An event that is not set, bound to the loop running when it first makes a task wait.</summary>
    public AsyncEvent()
    {
    }

    /// <summary>An event that is not set, bound to <paramref name="loop"/>.</summary>
    public AsyncEvent(Loop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        _binding = new LoopBinding(loop);
    }

    /// <summary>True when the flag is set (<c>is_set()</c>).</summary>
    public bool IsSet => _value;

    /// <summary>
    /// Sets the flag and wakes every waiter (<c>set()</c>). A waiter woken this way returns true even if the flag is
    /// cleared before it runs.
    /// </summary>
    public void Set()
    {
        if (_value)
        {
            return;
        }

        _value = true;
        foreach (var waiter in _waiters)
        {
            if (!waiter.Done)
            {
                waiter.SetResult(true);
            }
        }
    }

    /// <summary>Clears the flag (<c>clear()</c>): later waiters block until <see cref="Set"/> is called again.</summary>
    public void Clear() => _value = false;

    /// <summary>Waits until the flag is set (<c>wait()</c>); returns true at once when it is set already.</summary>
    public async Coroutine<bool> Wait()
    {
        if (_value)
        {
            return true;
        }

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

    /// <summary>The event's state, as CPython's repr says it: <c>AsyncEvent [unset, waiters:2]</c>.</summary>
    public override string ToString() =>
        $"AsyncEvent [{(_value ? "set" : "unset")}{PrimitiveMisuse.Waiters(_waiters.Count)}]";
}
