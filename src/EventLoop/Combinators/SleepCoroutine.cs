namespace EventLoop;

/// <summary>
/// What <c>Asyncio.Sleep(seconds)</c> returns for a delay that is not a bare yield, written by hand (see
/// <see cref="YieldCoroutine"/>). It behaves as the async method it replaces: the delay is checked when the coroutine
/// starts; it sets a timer that completes a future, awaits the future, and cancels the timer however it ends.
/// </summary>
/// <remarks>
/// The sleep is its own timer (CPython's <c>call_later(delay, _set_result_unless_cancelled, future)</c>): nobody
/// outside the sleep ever sees that handle, so the heap holds the sleep itself instead of a <see cref="TimerHandle"/>
/// per call. It is scheduled, fired, cancelled, dropped and traced exactly as that handle was.
/// </remarks>
internal sealed class SleepCoroutine : Coroutine, IScheduledTimer
{
    private static readonly StateChangeTexts s_stateChanges = new("Sleep");

    // The timer's flags share a field with its sequence (which a loop could not push past 2^60 in centuries): a
    // field of their own made every sleep 8 B bigger.
    private const long ScheduledBit = 1L << 62;
    private const long CancelledBit = 1L << 61;
    private const long CreatedBit = 1L << 60;
    private const long SequenceMask = CreatedBit - 1;

    // The future the sleep awaits; null until the sleep starts.
    private Future<bool>? _future;
    // The delay until the sleep starts, then the timer's deadline: the delay is not needed once the deadline exists.
    private double _delayThenWhen;
    private long _sequenceAndFlags;

    public SleepCoroutine(double seconds) => _delayThenWhen = seconds;

    public override string Name => "Sleep";

    double IScheduledTimer.When => _delayThenWhen;

    long IScheduledTimer.Sequence => _sequenceAndFlags & SequenceMask;

    bool IScheduledTimer.Cancelled => (_sequenceAndFlags & CancelledBit) != 0;

    bool IScheduledTimer.Scheduled
    {
        get => (_sequenceAndFlags & ScheduledBit) != 0;
        set => _sequenceAndFlags = value ? _sequenceAndFlags | ScheduledBit : _sequenceAndFlags & ~ScheduledBit;
    }

    object? IScheduledTimer.State => _future;

    string IScheduledTimer.CallbackName => nameof(Asyncio.SetResultUnlessCancelled);

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    void IScheduledTimer.Fire() => Asyncio.SetResultUnlessCancelled(_future!);

    Handle IScheduledTimer.ToHandle() => new TimerHandle(
        _future!.Loop, _delayThenWhen, _sequenceAndFlags & SequenceMask, Asyncio.SetResultUnlessCancelled, _future);

    private protected override void MoveNext()
    {
        if (_future is null)
        {
            Start();
        }
        else
        {
            Wake(_future);
        }
    }

    private void Start()
    {
        try
        {
            Loop.CheckDelay(_delayThenWhen, "seconds");
            var loop = Loop.GetRunningLoop();
            var future = loop.CreateFuture<bool>();
            var when = loop.Time + _delayThenWhen;
            _sequenceAndFlags = loop.TakeTimerSequence(when) | ScheduledBit;
            _delayThenWhen = when;
            _future = future;
            loop.ScheduleTimer(this);
            // The timer exists once it is scheduled and traced, as the handle CallAt returns: a failure before
            // that leaves no timer to cancel.
            _sequenceAndFlags |= CreatedBit;
            MarkSuspended().SuspendOnFuture(this, future);
        }
        catch (Exception exception)
        {
            CancelTimer();
            Complete(exception);
        }
    }

    private void Wake(Future<bool> future)
    {
        // What the future awaiter's GetResult does: a cancellation thrown in, or the future's own, ends the sleep.
        Exception? error = null;
        try
        {
            future.Loop.ThrowIfPendingThrow();
            future.ThrowIfNotSuccessful();
        }
        catch (Exception exception)
        {
            error = exception;
        }

        CancelTimer();
        Complete(error);
    }

    /// <summary>What <see cref="TimerHandle.Cancel"/> does, for the timer the sleep is (none before it was created).</summary>
    private void CancelTimer()
    {
        if ((_sequenceAndFlags & (CreatedBit | CancelledBit)) == CreatedBit)
        {
            _future!.Loop.TimerCancelled(this);
            _sequenceAndFlags |= CancelledBit;
        }
    }
}
