namespace EventLoop;

/// <summary>
/// The loop's side of <see cref="LoopStepper"/>: the phases of <c>RunOnce</c> run one at a time, so a test or a
/// learner can stop between any two callbacks. An iteration begun here keeps CPython's rule: it runs exactly the
/// callbacks that were ready when it began, however many calls it takes.
/// </summary>
public sealed partial class Loop
{
    // Callbacks still to run in the iteration a stepper began; 0 when no such iteration is open.
    private int _steppedRemaining;

    /// <summary>How many callbacks the iteration a stepper began still has to run (0: none is open).</summary>
    internal int SteppedRemaining => _steppedRemaining;

    /// <summary>True when a step or wake-up of <paramref name="task"/> is on the ready queue.</summary>
    internal bool HasReadyStep(LoopTask task)
    {
        foreach (var ready in _ready.Items)
        {
            if (!ready.Cancelled && ready.Kind is HandleKind.Step or HandleKind.Wakeup && ready.Subject == task)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when nothing is ready now (pending timers may still exist).</summary>
    internal bool NothingReady => _ready.Count == 0 && _inbox.IsEmpty;

    /// <summary>The deadline of the earliest live timer, or null.</summary>
    internal double? NextTimerDeadline()
    {
        double? next = null;
        foreach (var timer in _scheduled.UnorderedItems)
        {
            if (!timer.Cancelled && (next is null || timer.When < next))
            {
                next = timer.When;
            }
        }

        return next;
    }

    /// <summary>Runs one callback of the open iteration, beginning one first if none is open; false when idle.</summary>
    internal bool SteppedRunCallback()
    {
        var previous = EnterStepping();
        try
        {
            if (_steppedRemaining == 0 && !SteppedBeginIteration())
            {
                return false;
            }

            while (_steppedRemaining > 0)
            {
                _steppedRemaining--;
                var ready = _ready.Dequeue();
                if (!ready.Cancelled)
                {
                    RunReady(in ready);
                    break;
                }
            }

            if (_steppedRemaining == 0)
            {
                TraceIterationEnded();
            }

            return true;
        }
        finally
        {
            LeaveStepping(previous);
        }
    }

    /// <summary>Finishes the open iteration, or runs a whole new one; false when idle.</summary>
    internal bool SteppedRunIteration()
    {
        if (_steppedRemaining == 0 && !CanBeginIteration())
        {
            return false;
        }

        do
        {
            SteppedRunCallback();
        }
        while (_steppedRemaining > 0);
        return true;
    }

    /// <summary>Sets the virtual clock forward to <paramref name="time"/> with no timer due before it.</summary>
    internal void SteppedSetClock(double time)
    {
        if (Clock != LoopClock.Virtual)
        {
            throw new InvalidOperationException("Only a loop on the virtual clock can be advanced by hand.");
        }

        if (time > _virtualNow)
        {
            TraceClockAdvanced(_virtualNow, time);
            _virtualNow = time;
        }
    }

    private bool CanBeginIteration() => !NothingReady || NextTimerDeadline() is not null || Volatile.Read(ref _pendingExternal) > 0;

    private bool SteppedBeginIteration()
    {
        if (!CanBeginIteration())
        {
            return false;
        }

        _steppedRemaining = BeginIteration();
        return true;
    }

    private SynchronizationContext? EnterStepping()
    {
        CheckNotClosed();
        if (IsRunning)
        {
            throw new InvalidOperationException(
                "This event loop is already running: it cannot be stepped from inside a callback or coroutine; step it from outside, between runs.");
        }

        if (t_running is not null)
        {
            throw new InvalidOperationException("Cannot step the event loop while another loop is running on this thread.");
        }

        var previous = SynchronizationContext.Current;
        _threadId = Environment.CurrentManagedThreadId;
        t_running = this;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        return previous;
    }

    private void LeaveStepping(SynchronizationContext? previous)
    {
        _stopping = false;
        _threadId = 0;
        t_running = null;
        SynchronizationContext.SetSynchronizationContext(previous);
    }
}
