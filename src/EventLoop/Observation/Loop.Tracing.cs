using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// The loop's side of tracing: the attached instruments, and one small method per emission point. Each emission
/// method is inlined into the core and costs a single null check while no instrument is attached; the event is
/// built (and its strings formatted) only when someone listens.
/// </summary>
public sealed partial class Loop
{
    // How many loops (on any thread) have instruments: lets a coroutine, which does not know its loop cheaply,
    // skip tracing with one static read.
    private static int s_instrumentedLoops;

    private ILoopInstrument[]? _instruments;
    // The log of the recorder that is the only instrument, if so: events go straight into it, without building a
    // TraceEvent or calling through the interface.
    private TraceEventLog? _soleRecorderLog;
    private bool _countedAsInstrumented;
    private long _traceSequence;
    private WaitKind _traceWait;
    private Future? _traceWaitFuture;
    // The callback last scheduled and the one last run, by method name, with their texts: a traced program schedules
    // and runs the same few callbacks over and over, and comparing the name's reference spares hashing it each time.
    private string? _lastScheduledMethod;
    private string? _lastScheduledText;
    private string? _lastRunMethod;
    private string? _lastRunName;
    // The timer scheduled last while traced (see DescribeWait).
    private IScheduledTimer? _traceLastTimer;
    // The time last formatted: a sleep's deadline is printed when its timer is scheduled and again when its task
    // suspends, and a clock jump starts where the last one ended.
    private long _lastTimeBits;
    private string? _lastTimeText;

    /// <summary>True while some instrument is attached to this loop.</summary>
    internal bool IsInstrumented => _instruments is not null;

    /// <summary>The instruments attached to this loop, in the order they were added.</summary>
    public IReadOnlyList<ILoopInstrument> Instruments => _instruments ?? [];

    /// <summary>
    /// Attaches <paramref name="instrument"/>: from now on it receives every event of this loop, starting with
    /// <see cref="TraceEventKind.TraceStarted"/>.
    /// </summary>
    public void AddInstrument(ILoopInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        CheckThread();
        _instruments = _instruments is null ? [instrument] : [.. _instruments, instrument];
        SetSoleRecorderLog();
        UpdateInstrumentedCount();

        // The start marker takes the number of the events so far instead of a new one, so instruments attached at
        // the same moment number every later event alike.
        var started = new TraceEvent(_traceSequence, Iteration, Time, TraceEventKind.TraceStarted, null, "-",
            Clock == LoopClock.Virtual ? "virtual clock" : "real clock");
        instrument.OnEvent(in started);
    }

    /// <summary>Detaches <paramref name="instrument"/>; returns false when it was not attached.</summary>
    public bool RemoveInstrument(ILoopInstrument instrument)
    {
        CheckThread();
        if (_instruments is null || Array.IndexOf(_instruments, instrument) is var index && index < 0)
        {
            return false;
        }

        _instruments = _instruments.Length == 1 ? null : [.. _instruments[..index], .. _instruments[(index + 1)..]];
        SetSoleRecorderLog();
        UpdateInstrumentedCount();

        return true;
    }

    private void SetSoleRecorderLog()
    {
        _soleRecorderLog = _instruments is [TraceRecorder recorder] ? recorder.Log : null;
        // Events may have gone elsewhere since this loop last wrote to the log.
        _soleRecorderLog?.BreakRun();
    }

    /// <summary>True while this loop makes coroutines look for instruments: it has some and is not closed.</summary>
    internal bool CountsAsInstrumented => _countedAsInstrumented;

    /// <summary>
    /// Keeps <see cref="s_instrumentedLoops"/> to the open loops that have instruments: a closed loop runs no coroutine,
    /// and counting it would make every coroutine on every thread look for instruments at each state change.
    /// </summary>
    private void UpdateInstrumentedCount()
    {
        var counts = _instruments is not null && !IsClosed;
        if (counts != _countedAsInstrumented)
        {
            _countedAsInstrumented = counts;
            if (counts)
            {
                Interlocked.Increment(ref s_instrumentedLoops);
            }
            else
            {
                Interlocked.Decrement(ref s_instrumentedLoops);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceIterationStarted(int ready)
    {
        if (_instruments is not null)
        {
            EmitIterationStarted(ready);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceIterationEnded()
    {
        if (_instruments is not null)
        {
            EmitIterationEnded();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceClockAdvanced(double from, double to)
    {
        if (_instruments is not null)
        {
            EmitClockAdvanced(from, to);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceScheduled(in ReadyCallback ready)
    {
        if (_instruments is not null)
        {
            // A task's step apart: nearly every callback a traced program schedules is one, and alone its emission
            // is a small method.
            if (ready.Kind == HandleKind.Step)
            {
                EmitStepScheduled(ready.TaskOfStep);
            }
            else
            {
                EmitScheduled(in ready);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceTimerScheduled(IScheduledTimer timer)
    {
        if (_instruments is not null)
        {
            EmitTimerScheduled(timer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceTimerCancelled(IScheduledTimer timer)
    {
        if (_instruments is not null)
        {
            EmitTimer(TraceEventKind.TimerCancelled, timer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceCallbackRunning(in ReadyCallback ready)
    {
        if (_instruments is not null)
        {
            // A task's step apart, as in TraceScheduled.
            if (ready.Kind == HandleKind.Step)
            {
                EmitStepStarted(ready.TaskOfStep);
            }
            else
            {
                EmitCallbackRunning(in ready);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceExceptionHandled(ExceptionContext context)
    {
        if (_instruments is not null)
        {
            EmitExceptionHandled(context);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceTaskCreated(LoopTask task)
    {
        if (_instruments is not null)
        {
            Emit(TraceEventKind.TaskCreated, task, task.Coroutine.Name, relatedTask: CurrentTask?.Name);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceCancelRequested(LoopTask task, string? message)
    {
        if (_instruments is not null)
        {
            Emit(TraceEventKind.CancelRequested, task, message is null ? "" : "msg=" + TraceValues.Format(message),
                relatedTask: CurrentTask?.Name);
        }
    }

    /// <summary>The running task is about to suspend on <paramref name="wait"/>; reported when its step ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceSuspending(WaitKind wait, Future? future)
    {
        if (_instruments is not null)
        {
            _traceWait = wait;
            _traceWaitFuture = future;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceStepEntered(LoopTask task, Future? cancelledWaiter, Exception? pendingThrow)
    {
        // Tested here rather than in the call: nearly every traced step throws nothing in.
        if (_instruments is not null && (cancelledWaiter is not null || pendingThrow is not null))
        {
            EmitStepEntered(task);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void TraceStepEnded(LoopTask task)
    {
        if (_instruments is not null)
        {
            // A step that ended on a bare yield apart, as in TraceScheduled.
            if (_traceWait == WaitKind.Yield && !task.Done)
            {
                EmitSuspendedOnYield(task);
            }
            else
            {
                EmitStepEnded(task);
            }
        }
    }

    /// <summary>True while some loop, on any thread, may want coroutine state changes (see <see cref="s_instrumentedLoops"/>).</summary>
    internal static bool MayTraceCoroutineStates => s_instrumentedLoops != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TraceCoroutineState(Coroutine coroutine, CoroutineState from, CoroutineState to)
    {
        if (s_instrumentedLoops != 0 && from != to)
        {
            EmitCoroutineState(coroutine, from, to);
        }
    }

    /// <summary>As <see cref="TraceCoroutineState(Coroutine, CoroutineState, CoroutineState)"/>, for a frame the caller knows <paramref name="task"/> drives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TraceCoroutineState(LoopTask task, Coroutine coroutine, CoroutineState from, CoroutineState to)
    {
        if (s_instrumentedLoops != 0 && from != to)
        {
            EmitCoroutineState(task, coroutine.DescribeStateChange(from, to));
        }
    }

    /// <summary>What a suspended task waits on, in words, and of which kind (also for state inspection).</summary>
    internal (WaitKind Kind, string Description) DescribeWait(WaitKind kind, Future? future)
    {
        if (kind != WaitKind.Future || future is null)
        {
            return (kind, kind == WaitKind.Yield ? "yield" : kind == WaitKind.Foreign ? "foreign awaitable" : "nothing");
        }

        if (future is LoopTask other)
        {
            return (WaitKind.Task, "task " + other.Name);
        }

        // Only a sleep's timer carries a future, its own: at most one timer can match, and while tracing it is nearly
        // always the one scheduled last, just before the task suspended. Otherwise look through the heap (which,
        // for every sleeping task, made tracing N sleeping tasks cost N^2). Closing empties the heap and leaves the
        // timers' flags as they were.
        if (_traceLastTimer is { Scheduled: true, Cancelled: false } last && ReferenceEquals(last.State, future) && !IsClosed)
        {
            return (WaitKind.Sleep, "sleep until t=" + TimeText(last.When));
        }

        foreach (var timer in _scheduled.UnorderedItems)
        {
            if (!timer.Cancelled && ReferenceEquals(timer.State, future))
            {
                return (WaitKind.Sleep, "sleep until t=" + TimeText(timer.When));
            }
        }

        return (WaitKind.Future, "future " + TraceValues.TypeName(future.GetType()));
    }

    // "N ready" for the small counts most iterations have, made once.
    private static readonly string[] s_readyTexts = [.. Enumerable.Range(0, 64).Select(n => n == 1 ? "1 ready" : $"{n} ready")];

    private static string ReadyText(int ready) => (uint)ready < (uint)s_readyTexts.Length ? s_readyTexts[ready] : $"{ready} ready";

    private string TimeText(double seconds)
    {
        var bits = BitConverter.DoubleToInt64Bits(seconds);
        if (_lastTimeText is null || bits != _lastTimeBits)
        {
            (_lastTimeBits, _lastTimeText) = (bits, TraceValues.Time(seconds));
        }

        return _lastTimeText;
    }

    private string ScheduledCallbackText(string methodName)
    {
        if (!ReferenceEquals(methodName, _lastScheduledMethod))
        {
            (_lastScheduledMethod, _lastScheduledText) = (methodName, TraceValues.ScheduledCallbackText(methodName));
        }

        return _lastScheduledText!;
    }

    private string RunCallbackName(string methodName)
    {
        if (!ReferenceEquals(methodName, _lastRunMethod))
        {
            (_lastRunMethod, _lastRunName) = (methodName, TraceValues.CallbackName(methodName));
        }

        return _lastRunName!;
    }

    // The name for an event: null while the task still has its default name unformatted (see TraceEvent).
    private static string? TaskNameOf(LoopTask? task) => task is null ? "-" : task.NameIfMade;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Emit(TraceEventKind kind, LoopTask? task, string? detail, WaitKind wait = WaitKind.None, string? relatedTask = null) =>
        EmitInline(kind, task, TaskNameOf(task), detail, wait, relatedTask);

    // Inlined into each emission method: a recorder alone gets the event in one call, with its fields in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EmitInline(TraceEventKind kind, LoopTask? task, string? taskName, string? detail, WaitKind wait = WaitKind.None,
        string? relatedTask = null)
    {
        if (_soleRecorderLog is not { } log)
        {
            EmitToInstruments(kind, task, taskName, detail, wait, relatedTask);
        }
        else
        {
            log.Add(this, kind, task, taskName, detail, wait, relatedTask);
        }
    }

    /// <summary>The number of the next event (see <see cref="TraceEvent.Sequence"/>).</summary>
    internal long NextTraceSequence() => ++_traceSequence;

    /// <summary>Counts an event whose number the recorder knows already (see <see cref="TraceEventLog"/>).</summary>
    internal void SkipTraceSequence() => _traceSequence++;

    // Apart, so that the recorder's path does not clear the event's stack space on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitToInstruments(TraceEventKind kind, LoopTask? task, string? taskName, string? detail, WaitKind wait,
        string? relatedTask)
    {
        var instruments = _instruments;
        if (instruments is null)
        {
            return;
        }

        var traceEvent = new TraceEvent(++_traceSequence, Iteration, Time, kind, task, taskName, detail, wait, relatedTask);
        foreach (var instrument in instruments)
        {
            instrument.OnEvent(in traceEvent);
        }
    }

    // The emissions of a switch's own events (an iteration, a task's step, a bare yield) are inlined into the loop
    // behind its test for instruments: a call each cost as much as the rest of their emission.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EmitIterationEnded() => EmitInline(TraceEventKind.IterationEnded, null, "-", "");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EmitStepScheduled(LoopTask task) => EmitInline(TraceEventKind.CallbackScheduled, task, task.NameIfMade, "step");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EmitStepStarted(LoopTask task) => EmitInline(TraceEventKind.StepStarted, task, task.NameIfMade, "step");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EmitSuspendedOnYield(LoopTask task)
    {
        _traceWait = WaitKind.None;
        EmitInline(TraceEventKind.TaskSuspended, task, task.NameIfMade, "yield", WaitKind.Yield);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EmitIterationStarted(int ready)
    {
        if (_soleRecorderLog is { } log)
        {
            log.AddNextIteration(this, TraceEventKind.IterationStarted, ReadyText(ready));
        }
        else
        {
            EmitToInstruments(TraceEventKind.IterationStarted, null, "-", ReadyText(ready), WaitKind.None, null);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitClockAdvanced(double from, double to)
    {
        // The clock moves once this event is out: the loop's next event starts a run of its own.
        _soleRecorderLog?.BreakRun();
        var instruments = _instruments!;
        var traceEvent = new TraceEvent(++_traceSequence, Iteration, to, TraceEventKind.ClockAdvanced, null, "-",
            TimeText(from) + " -> " + TimeText(to));
        foreach (var instrument in instruments)
        {
            instrument.OnEvent(in traceEvent);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitScheduled(in ReadyCallback ready)
    {
        var detail = ready.Kind switch
        {
            HandleKind.Step => "step",
            HandleKind.Wakeup => "wakeup",
            _ => ScheduledCallbackText(ready.CallbackName),
        };
        var task = ready.Subject as LoopTask;
        EmitInline(TraceEventKind.CallbackScheduled, task, TaskNameOf(task), detail);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitTimerScheduled(IScheduledTimer timer)
    {
        _traceLastTimer = timer;
        EmitTimer(TraceEventKind.TimerScheduled, timer);
    }

    private void EmitTimer(TraceEventKind kind, IScheduledTimer timer) =>
        EmitInline(kind, CurrentTask, TaskNameOf(CurrentTask),
            TraceValues.CallbackName(timer.CallbackName) + " at t=" + TimeText(timer.When));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitCallbackRunning(in ReadyCallback ready)
    {
        var task = ready.Subject as LoopTask;
        var name = TaskNameOf(task);
        switch (ready.Kind)
        {
            case HandleKind.Step:
                EmitInline(TraceEventKind.StepStarted, task, name, "step");
                break;
            case HandleKind.Wakeup:
                EmitInline(TraceEventKind.StepStarted, task, name, "wakeup");
                break;
            case HandleKind.Timer:
                EmitInline(TraceEventKind.TimerFired, task, name, RunCallbackName(ready.CallbackName));
                break;
            default:
                EmitInline(TraceEventKind.CallbackRun, task, name, RunCallbackName(ready.CallbackName));
                break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitExceptionHandled(ExceptionContext context)
    {
        var detail = context.Message;
        if (context.Exception is { } exception)
        {
            detail += " | " + TraceValues.Exception(exception);
        }

        var task = context.Source as LoopTask ?? CurrentTask;
        Emit(TraceEventKind.ExceptionHandled, task, detail);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitStepEntered(LoopTask task)
    {
        // A cancelled awaited task or future also throws a cancellation in, but only one this task was asked for
        // (Cancel) is a delivery.
        if (task.Cancelling() > 0)
        {
            Emit(TraceEventKind.CancelDelivered, task, "thrown in at " + task.CurrentFrame.Name);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitStepEnded(LoopTask task)
    {
        var (wait, future) = (_traceWait, _traceWaitFuture);
        (_traceWait, _traceWaitFuture) = (WaitKind.None, null);
        if (!task.Done)
        {
            var (kind, description) = DescribeWait(wait == WaitKind.None ? WaitKind.Foreign : wait, future);
            EmitInline(TraceEventKind.TaskSuspended, task, TaskNameOf(task), description, kind);
        }
        else if (task.Cancelled)
        {
            EmitInline(TraceEventKind.TaskCancelled, task, TaskNameOf(task), "");
        }
        else if (task.ExceptionUnchecked is { } exception)
        {
            EmitInline(TraceEventKind.TaskFailed, task, TaskNameOf(task), TraceValues.Exception(exception));
        }
        else
        {
            EmitInline(TraceEventKind.TaskCompleted, task, TaskNameOf(task), task.HasImmutableResult ? null : TraceValues.ResultOf(task));
        }
    }

    // A state change of a coroutine that no task drives (closed before it started): about no task, on the running loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EmitDriverlessCoroutineState(string detail) =>
        Running?.Emit(TraceEventKind.CoroutineStateChanged, null, detail);

    // Inlined into the few places that change a coroutine's state, behind their test for instruments: a traced step
    // changes states about six times, and a call for each cost about as much as the rest of their emission.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitCoroutineState(Coroutine coroutine, CoroutineState from, CoroutineState to)
    {
        // Described first (measured faster than after finding the loop): every coroutine keeps its texts, so a
        // coroutine whose own loop is not the one traced pays a lookup, not a string.
        var detail = coroutine.DescribeStateChange(from, to);
        if (coroutine.TaskOfStateChange(from) is { } task)
        {
            EmitCoroutineState(task, detail);
        }
        else
        {
            EmitDriverlessCoroutineState(detail);
        }
    }

    // A state change of a coroutine that a task drives: the event is about the task, and the recorder's comparisons
    // know that it has one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitCoroutineState(LoopTask task, string detail)
    {
        var loop = task.Loop;
        if (loop._soleRecorderLog is { } log)
        {
            log.Add(loop, TraceEventKind.CoroutineStateChanged, task, task.NameIfMade, detail);
        }
        else
        {
            loop.EmitToInstruments(TraceEventKind.CoroutineStateChanged, task, task.NameIfMade, detail, WaitKind.None, null);
        }
    }
}
