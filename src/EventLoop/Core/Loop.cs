using System.Collections.Concurrent;
using System.Diagnostics;

namespace EventLoop;

/// <summary>
/// A single-threaded, cooperative event loop with asyncio's semantics (<c>BaseEventLoop</c>). Time is virtual by
/// default: when nothing is ready the clock jumps to the next timer, so <c>Sleep(10)</c> costs nothing and every
/// run of the same program schedules the same callbacks in the same order.
/// </summary>
/// <remarks>
/// Methods are not thread-safe unless their name says so (<see cref="CallSoonThreadsafe"/>); calling them from
/// another thread while the loop runs throws.
/// </remarks>
public sealed partial class Loop : IDisposable
{
    /// <summary>The longest the loop blocks (or, on the virtual clock, jumps) in one iteration: 24 hours, as CPython.</summary>
    public const double MaximumSelectTimeout = 24 * 3600;

    private const int MinScheduledTimerHandles = 100;
    private const double MinCancelledTimerHandlesFraction = 0.5;

    private readonly ReadyQueue _ready = new();
    private readonly TimerHeap _scheduled = new();
    private readonly ConcurrentQueue<Handle> _inbox = new();
    private readonly SemaphoreSlim _inboxSignal = new(0);
    private readonly Stopwatch? _realClock;
    private Func<ExceptionContext, bool>? _exceptionHandler;
    private double _virtualNow;
    private long _timerSequence;
    private int _timerCancelledCount;
    private int _pendingExternal;
    private int _threadId;
    private bool _stopping;

    [ThreadStatic] private static Loop? t_running;

    /// <summary>Creates a loop on the virtual clock (or on the real clock with <see cref="LoopClock.Real"/>).</summary>
    public Loop(LoopClock clock = LoopClock.Virtual)
    {
        Clock = clock;
        _realClock = clock == LoopClock.Real ? Stopwatch.StartNew() : null;
        _synchronizationContext = new LoopSynchronizationContext(this);
        _timeProvider = new LoopTimeProvider(this);
        TraceCapture.AttachTo(this);
    }

    /// <summary>Which clock the loop runs on.</summary>
    public LoopClock Clock { get; }

    /// <summary>The loop's time in seconds (<c>loop.time()</c>); starts at 0.</summary>
    public double Time => _realClock is null ? _virtualNow : _realClock.Elapsed.TotalSeconds;

    /// <summary>How many iterations (<c>_run_once</c> calls) the loop has run; the first callback runs in iteration 1.</summary>
    public long Iteration { get; private set; }

    /// <summary>How many callbacks the loop has run (cancelled ones skipped): the benchmarks compare it with CPython's count.</summary>
    internal long CallbacksRun { get; private set; }

    /// <summary>True while <see cref="RunForever"/> (or a run until something completes) is on the stack.</summary>
    public bool IsRunning => _threadId != 0;

    /// <summary>True once <see cref="Close"/> was called.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The loop running on this thread (<c>asyncio.get_running_loop()</c>), or null.</summary>
    public static Loop? Running => t_running;

    /// <summary>The loop running on this thread; throws when there is none.</summary>
    public static Loop GetRunningLoop() =>
        t_running ?? throw new InvalidOperationException(
            "no running event loop: call this from a coroutine or callback that runs on a Loop (e.g. inside Asyncio.Run(...))");

    /// <summary>Schedules <paramref name="callback"/> to run in the next iteration (<c>call_soon</c>).</summary>
    public Handle CallSoon(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CheckThread();
        CheckNotClosed();
        var handle = new Handle(this, Handle.InvokeAction, callback, HandleKind.Callback);
        Enqueue(ReadyCallback.Of(handle));
        return handle;
    }

    /// <summary>Schedules <paramref name="callback"/> to run <paramref name="delay"/> seconds from now (<c>call_later</c>).</summary>
    public TimerHandle CallLater(double delay, Action callback)
    {
        CheckDelay(delay, nameof(delay));
        return CallAt(Time + delay, callback);
    }

    /// <summary>Schedules <paramref name="callback"/> to run at loop time <paramref name="when"/> (<c>call_at</c>).</summary>
    public TimerHandle CallAt(double when, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return CallAt(when, Handle.InvokeAction, callback);
    }

    /// <summary>
    /// Schedules <paramref name="callback"/> from any thread (<c>call_soon_threadsafe</c>); it runs on the loop's
    /// thread in a later iteration, and a loop waiting for work wakes at once.
    /// </summary>
    public Handle CallSoonThreadsafe(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CheckNotClosed();
        var handle = new Handle(this, Handle.InvokeAction, callback, HandleKind.Callback) { FromOtherThread = true };
        _inbox.Enqueue(handle);
        _inboxSignal.Release();
        return handle;
    }

    /// <summary>Runs iterations until <see cref="Stop"/> is called (<c>run_forever</c>).</summary>
    public void RunForever()
    {
        CheckNotClosed();
        if (IsRunning)
        {
            throw new InvalidOperationException("This event loop is already running: a loop cannot be run re-entrantly; await the work instead.");
        }

        if (t_running is not null)
        {
            throw new InvalidOperationException("Cannot run the event loop while another loop is running on this thread.");
        }

        var previousContext = SynchronizationContext.Current;
        _threadId = Environment.CurrentManagedThreadId;
        t_running = this;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        try
        {
            while (true)
            {
                RunOnce();
                if (_stopping)
                {
                    break;
                }
            }
        }
        finally
        {
            _stopping = false;
            _threadId = 0;
            t_running = null;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    /// <summary>Stops the loop after the current iteration; every callback already scheduled for it still runs.</summary>
    public void Stop() => _stopping = true;

    /// <summary>
    /// Closes the loop: exceptions never retrieved and coroutines of this thread never awaited are reported (once
    /// each), pending callbacks are dropped, and the loop cannot run again. Pending tasks are not run down here:
    /// <see cref="Runner.Close"/> (and so <c>Asyncio.Run</c>) cancels them and lets them finish first, as CPython does.
    /// </summary>
    public void Close()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Cannot close a running event loop: call Stop() and let RunForever() return first.");
        }

        if (IsClosed)
        {
            return;
        }

        ReportUnretrieved();
        WarnNeverAwaited();
        IsClosed = true;
        UpdateInstrumentedCount();
        _ready.Clear();
        _scheduled.Clear();
        _inbox.Clear();
    }

    /// <inheritdoc cref="Close"/>
    public void Dispose() => Close();

    /// <summary>
    /// Sets the handler that receives errors from callbacks (<c>set_exception_handler</c>). It returns nothing:
    /// pass null to restore the default handler, which writes to standard error.
    /// </summary>
    public void SetExceptionHandler(Action<Loop, ExceptionContext>? handler) =>
        _exceptionHandler = handler is null ? null : context => { handler(this, context); return true; };

    /// <summary>Reports an error to the exception handler (<c>call_exception_handler</c>); the loop goes on.</summary>
    public void CallExceptionHandler(ExceptionContext context)
    {
        TraceExceptionHandled(context);
        if (_exceptionHandler is null)
        {
            DefaultExceptionHandler(context);
            return;
        }

        try
        {
            _exceptionHandler(context);
        }
        catch (Exception handlerError)
        {
            DefaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", handlerError, context));
            DefaultExceptionHandler(context);
        }
    }

    /// <summary>The default exception handler: one line per error on standard error.</summary>
    public static void DefaultExceptionHandler(ExceptionContext context)
    {
        var line = context.Message;
        if (context.Exception is { } exception)
        {
            line += $" | {exception.GetType().Name}: {exception.Message}";
        }

        Console.Error.WriteLine(line);
    }

    /// <summary>
    /// Schedules a new task's first step like <c>CallSoon</c>, but with no <see cref="Handle"/>: nobody can cancel
    /// it, and queuing it allocates nothing. The task's constructor checked the thread before anything else.
    /// </summary>
    internal void ScheduleFirstStep(LoopTask task)
    {
        CheckNotClosed();
        Enqueue(ReadyCallback.StepOf(task));
    }

    /// <summary>
    /// Schedules a task's next step from inside one of this loop's callbacks (a task rescheduling itself after a bare
    /// yield): on the loop's thread, with the loop open, so nothing needs checking.
    /// </summary>
    internal void ScheduleStepFromCallback(LoopTask task)
    {
        AssertInsideCallback();
        Enqueue(ReadyCallback.StepOf(task));
    }

    /// <summary>Schedules a task's wake-up: <paramref name="callback"/> runs with the task (no <see cref="Handle"/>, no allocation).</summary>
    internal void ScheduleWakeup(Action<object?> callback, LoopTask task)
    {
        CheckThread();
        CheckNotClosed();
        Enqueue(ReadyCallback.WakeupOf(callback, task));
    }

    /// <summary>
    /// As <see cref="ScheduleWakeup"/>, from inside a callback of this loop (a timer that fires, a task's step): on the
    /// loop's thread, while it runs, so the thread and the loop need no check (a thread-static read each time).
    /// </summary>
    internal void ScheduleWakeupFromCallback(Action<object?> callback, LoopTask task)
    {
        AssertInsideCallback();
        Enqueue(ReadyCallback.WakeupOf(callback, task));
    }

    /// <summary>Schedules a future's done callback to run with the future (no <see cref="Handle"/>, no allocation).</summary>
    internal void Schedule(DoneCallback callback, Future future)
    {
        CheckThread();
        CheckNotClosed();
        Enqueue(ReadyCallback.Of(callback, future));
    }

    /// <summary>As <see cref="Schedule(DoneCallback, Future)"/>, from inside a callback of this loop (see <see cref="ScheduleWakeupFromCallback"/>).</summary>
    internal void ScheduleFromCallback(DoneCallback callback, Future future)
    {
        AssertInsideCallback();
        Enqueue(ReadyCallback.Of(callback, future));
    }

    /// <summary>What the schedulers that skip the checks rely on: the loop runs, and this is its thread.</summary>
    [Conditional("DEBUG")]
    private void AssertInsideCallback() =>
        Debug.Assert(_threadId == Environment.CurrentManagedThreadId && !IsClosed, "only from inside a callback of this loop");

    /// <summary>Queues a callback for the next iteration and traces its scheduling.</summary>
    private void Enqueue(in ReadyCallback ready)
    {
        _ready.Enqueue(ready);
        TraceScheduled(in ready);
    }

    internal TimerHandle CallAt(double when, Action<object?> callback, object? state)
    {
        var timer = new TimerHandle(this, when, TakeTimerSequence(when), callback, state) { Scheduled = true };
        ScheduleTimer(timer);
        return timer;
    }

    /// <summary>
    /// Checks that a timer can be scheduled for <paramref name="when"/> and gives it its place in the scheduling
    /// order. A timer that is its own handle (a sleep's) then pushes itself with <see cref="ScheduleTimer"/> once it
    /// holds the deadline and the sequence.
    /// </summary>
    internal long TakeTimerSequence(double when)
    {
        CheckThread();
        CheckNotClosed();
        if (double.IsNaN(when))
        {
            throw new ArgumentOutOfRangeException(nameof(when), "A timer's deadline cannot be NaN.");
        }

        return _timerSequence++;
    }

    /// <summary>Schedules a timer that took its sequence from <see cref="TakeTimerSequence"/> and is marked scheduled.</summary>
    internal void ScheduleTimer(IScheduledTimer timer)
    {
        _scheduled.Push(timer);
        TraceTimerScheduled(timer);
    }

    internal void TimerCancelled(IScheduledTimer timer)
    {
        if (timer.Scheduled)
        {
            _timerCancelledCount++;
            TraceTimerCancelled(timer);
        }
    }

    /// <summary>Counts work running outside the loop (a foreign awaitable) whose completion will arrive through the inbox.</summary>
    internal void ExternalWorkStarted() => Interlocked.Increment(ref _pendingExternal);

    internal void ExternalWorkFinished() => Interlocked.Decrement(ref _pendingExternal);

    internal static void CheckDelay(double delay, string parameterName)
    {
        if (double.IsNaN(delay) || double.IsInfinity(delay))
        {
            throw new ArgumentOutOfRangeException(parameterName, delay,
                "A delay must be a finite number of seconds (a negative delay means 'now').");
        }
    }

    internal void CheckThread()
    {
        if (_threadId != 0 && _threadId != Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException(
                "Non-thread-safe operation invoked on an event loop other than the current one: from another thread use CallSoonThreadsafe.");
        }
    }

    private void CheckNotClosed()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("Event loop is closed: create a new Loop.");
        }
    }

    /// <summary>
    /// One iteration, as CPython's <c>_run_once</c>: move due timers to the ready queue, then run exactly the
    /// callbacks that were ready when the iteration began.
    /// </summary>
    private void RunOnce()
    {
        var ntodo = BeginIteration();
        for (var i = 0; i < ntodo; i++)
        {
            var ready = _ready.Dequeue();
            if (ready.Cancelled)
            {
                continue;
            }

            RunReady(in ready);
        }

        TraceIterationEnded();
    }

    /// <summary>
    /// The first half of an iteration: count it, drop cancelled timers, wait (or jump the virtual clock) for work,
    /// move due timers to the ready queue. Returns how many callbacks the iteration runs: those ready now.
    /// </summary>
    private int BeginIteration()
    {
        Iteration++;

        // Tested here, not inside: the timer methods set up a large frame before their first test. The count of
        // cancellations is never below the number of cancelled timers in the heap: while it is 0 there is nothing to
        // drop, and the head timer, likely out of the cache, need not be read.
        if (_timerCancelledCount > 0 && _scheduled.Count > 0)
        {
            DropCancelledTimers();
        }

        WaitForWork();
        if (_scheduled.Count > 0)
        {
            MoveDueTimersToReady();
        }

        TraceIterationStarted(_ready.Count);
        return _ready.Count;
    }

    private void RunReady(in ReadyCallback ready)
    {
        CallbacksRun++;
        TraceCallbackRunning(in ready);
        if (ready.FromOtherThread)
        {
            RunPosted(in ready);
            return;
        }

        try
        {
            ready.Run();
        }
        catch (Exception exception)
        {
            ReportCallbackError(in ready, exception);
        }
    }

    /// <summary>Runs a callback another thread posted, telling a task it resumes that its await completed elsewhere.</summary>
    private void RunPosted(in ReadyCallback ready)
    {
        InCallbackFromOtherThread = true;
        try
        {
            ready.Run();
        }
        catch (Exception exception)
        {
            ReportCallbackError(in ready, exception);
        }
        finally
        {
            InCallbackFromOtherThread = false;
        }
    }

    private void ReportCallbackError(in ReadyCallback ready, Exception exception) =>
        CallExceptionHandler(new ExceptionContext($"Exception in callback {ready.CallbackName}", exception, ready.ToHandle(this)));

    /// <summary>True while the loop runs a callback that another thread posted (<see cref="CallSoonThreadsafe"/>).</summary>
    internal bool InCallbackFromOtherThread { get; private set; }

    private void DropCancelledTimers()
    {
        var count = _scheduled.Count;
        if (count > MinScheduledTimerHandles && (double)_timerCancelledCount / count > MinCancelledTimerHandlesFraction)
        {
            _scheduled.RemoveAll(s_dropIfCancelled);
            _timerCancelledCount = 0;
            return;
        }

        while (_scheduled.Count > 0 && _scheduled.Head.Cancelled)
        {
            _timerCancelledCount--;
            _scheduled.Pop().Scheduled = false;
        }
    }

    private static readonly Func<IScheduledTimer, bool> s_dropIfCancelled = timer =>
    {
        if (timer.Cancelled)
        {
            timer.Scheduled = false;
        }

        return timer.Cancelled;
    };

    /// <summary>
    /// CPython's <c>select(timeout)</c>: with callbacks ready, only collect what other threads posted; otherwise
    /// wait for the next timer (on the virtual clock: jump to it) or for a post from another thread.
    /// </summary>
    private void WaitForWork()
    {
        if (_ready.Count > 0 || _stopping || !_inbox.IsEmpty)
        {
            // Most iterations have nothing from other threads: asking the empty concurrent queue costs more than this test.
            if (!_inbox.IsEmpty)
            {
                DrainInbox();
            }

            return;
        }

        if (_scheduled.Count == 0)
        {
            if (_realClock is null && Volatile.Read(ref _pendingExternal) == 0)
            {
                throw new DeadlockException(this);
            }

            _inboxSignal.Wait();
        }
        else
        {
            var headWhen = _scheduled.HeadWhen;
            var timeout = Math.Min(Math.Max(0, headWhen - Time), MaximumSelectTimeout);
            if (_realClock is not null)
            {
                _inboxSignal.Wait(TimeSpan.FromSeconds(timeout));
            }
            else if (timeout > 0)
            {
                var advanced = timeout < MaximumSelectTimeout ? headWhen : _virtualNow + timeout;
                TraceClockAdvanced(_virtualNow, advanced);
                _virtualNow = advanced;
            }
        }

        DrainInbox();
    }

    private void DrainInbox()
    {
        while (_inbox.TryDequeue(out var handle))
        {
            _inboxSignal.Wait(0);
            _ready.Enqueue(ReadyCallback.Of(handle));
        }
    }

    private void MoveDueTimersToReady()
    {
        var now = Time;
        while (_scheduled.Count > 0 && _scheduled.HeadWhen <= now)
        {
            var timer = _scheduled.Pop();
            timer.Scheduled = false;
            _ready.Enqueue(ReadyCallback.Of(timer));
        }
    }

    private partial void ReportUnretrieved();

    private partial void WarnNeverAwaited();
}
