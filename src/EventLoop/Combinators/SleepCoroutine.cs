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

    // The future the sleep awaits; null until the sleep starts.
    private Future<bool>? _future;
    // The delay until the sleep starts, then the timer's deadline: the delay is not needed once the deadline exists.
    private double _delayThenWhen;
    private long _sequence;
    private TimerFlags _timer;

    public SleepCoroutine(double seconds) => _delayThenWhen = seconds;

    [Flags]
    private enum TimerFlags : byte
    {
        None = 0,
        Created = 1,
        Scheduled = 2,
        Cancelled = 4,
    }

    public override string Name => "Sleep";

    double IScheduledTimer.When => _delayThenWhen;

    long IScheduledTimer.Sequence => _sequence;

    bool IScheduledTimer.Cancelled => (_timer & TimerFlags.Cancelled) != 0;

    bool IScheduledTimer.Scheduled
    {
        get => (_timer & TimerFlags.Scheduled) != 0;
        set => _timer = value ? _timer | TimerFlags.Scheduled : _timer & ~TimerFlags.Scheduled;
    }

    object? IScheduledTimer.State => _future;

    string IScheduledTimer.CallbackName => nameof(Asyncio.SetResultUnlessCancelled);

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    void IScheduledTimer.Fire() => Asyncio.SetResultUnlessCancelled(_future);

    Handle IScheduledTimer.ToHandle() =>
        new TimerHandle(_future!.Loop, _delayThenWhen, _sequence, Asyncio.SetResultUnlessCancelled, _future);

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
            _sequence = loop.TakeTimerSequence(when);
            _delayThenWhen = when;
            _future = future;
            _timer = TimerFlags.Created | TimerFlags.Scheduled;
            loop.ScheduleTimer(this);
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

    /// <summary>What <see cref="TimerHandle.Cancel"/> does, for the timer the sleep is (nothing before it was created).</summary>
    private void CancelTimer()
    {
        if ((_timer & (TimerFlags.Created | TimerFlags.Cancelled)) == TimerFlags.Created)
        {
            _future!.Loop.TimerCancelled(this);
            _timer |= TimerFlags.Cancelled;
        }
    }
}
