using System.Runtime.CompilerServices;

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
/// <para>
/// It is also, until somebody asks for it, the future: the task waits on the sleep itself, and a timer that fires
/// wakes the task as the future's result would. The future CPython's sleep awaits is made only when something needs
/// it (<see cref="LoopTask.WaitingOn"/>, a cancellation, a trace, an inspection), in the state it would be in by then,
/// and from then on the sleep goes through it. Most sleeps just run out, and a sleeping task holds one object less.
/// </para>
/// </remarks>
internal sealed class SleepCoroutine : Coroutine, IScheduledTimer, IFutureStandIn
{
    private static readonly StateChangeTexts s_stateChanges = new("Sleep");

    // The timer's flags share a field with its sequence (which a loop could not push past 2^59 in centuries): a
    // field of their own made every sleep 8 B bigger.
    private const long ScheduledBit = 1L << 62;
    private const long CancelledBit = 1L << 61;
    private const long CreatedBit = 1L << 60;
    // The timer fired while the task waited on the sleep itself (no future yet): the future would have its result.
    private const long FiredBit = 1L << 59;
    private const long SequenceMask = FiredBit - 1;

    // Null until the sleep starts; then the task that waits on the sleep, until a future stands for it (see Future).
    private object? _waiter;
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

    // Only a future somebody asked for can be looked for by its timer (see Loop.DescribeWait).
    object? IScheduledTimer.State => _waiter as Future<bool>;

    string IScheduledTimer.CallbackName => nameof(Asyncio.SetResultUnlessCancelled);

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    void IScheduledTimer.Fire()
    {
        if (_waiter is Future<bool> future)
        {
            Asyncio.SetResultUnlessCancelled(future);
            return;
        }

        // The task waits on the sleep itself, which nothing but a future could have cancelled: the result is set. A
        // timer fires from the loop's ready queue, on its thread.
        var task = Unsafe.As<LoopTask>(_waiter)!;
        _sequenceAndFlags |= FiredBit;
        task.Loop.ScheduleWakeupFromCallback(LoopTask.WakeupCallback, task);
    }

    Handle IScheduledTimer.ToHandle() => new TimerHandle(
        TaskLoop, _delayThenWhen, _sequenceAndFlags & SequenceMask, Asyncio.SetResultUnlessCancelled, Future);

    /// <summary>
    /// The future the sleep awaits (CPython's <c>future</c> in <c>asyncio.sleep</c>), made when first asked for: pending
    /// with the task's wake-up as its callback while the timer has not fired, done with its result once it has. The
    /// task then waits on it, as it would have from the start.
    /// </summary>
    public Future<bool> Future
    {
        get
        {
            if (_waiter is Future<bool> made)
            {
                return made;
            }

            var fired = (_sequenceAndFlags & FiredBit) != 0;
            var future = Unsafe.As<LoopTask>(_waiter)!.MakeStandInFuture(this, owner: null, woken: fired);
            _waiter = future;
            return future;
        }
    }

    private Loop TaskLoop => _waiter is Future<bool> future ? future.Loop : Unsafe.As<LoopTask>(_waiter)!.Loop;

    private protected override void MoveNext(LoopTask task)
    {
        if (_waiter is null)
        {
            Start(task);
        }
        else
        {
            Wake(task);
        }
    }

    private void Start(LoopTask task)
    {
        try
        {
            Loop.CheckDelay(_delayThenWhen, "seconds");
            // The task that runs the sleep is on its loop, which is running. Its timer will wake that task, which waits
            // on the sleep itself.
            var loop = task.Loop;
            var when = loop.Time + _delayThenWhen;
            _sequenceAndFlags = loop.TakeTimerSequence(when) | ScheduledBit;
            _delayThenWhen = when;
            _waiter = task;
            loop.ScheduleTimer(this);
            // The timer exists once it is scheduled and traced, as the handle CallAt returns: a failure before
            // that leaves no timer to cancel.
            _sequenceAndFlags |= CreatedBit;
            MarkSuspended(task);
            task.SuspendOnStandIn(this);
        }
        catch (Exception exception)
        {
            CancelTimer();
            Complete(exception, task);
        }
    }

    private void Wake(LoopTask task)
    {
        var error = task.Loop.OutcomeOfWait(_waiter as Future<bool>);
        CancelTimer();
        Complete(error, task);
    }

    /// <summary>What <see cref="TimerHandle.Cancel"/> does, for the timer the sleep is (none before it was created).</summary>
    private void CancelTimer()
    {
        if ((_sequenceAndFlags & (CreatedBit | CancelledBit)) == CreatedBit)
        {
            TaskLoop.TimerCancelled(this);
            _sequenceAndFlags |= CancelledBit;
        }
    }
}
