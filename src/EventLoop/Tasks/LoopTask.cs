using System.Diagnostics;

namespace EventLoop;

/// <summary>
/// A coroutine scheduled to run on the loop (asyncio's <c>Task</c>; named so that it does not clash with
/// <see cref="System.Threading.Tasks.Task"/>). Creating it schedules its first step with <c>CallSoon</c>; it is the
/// unit of concurrency, cancellation, naming and tracing. It is a <see cref="Future"/> that completes with its
/// coroutine.
/// </summary>
public partial class LoopTask : Future, ICoroutineDriver
{
    // What _id holds when the value does not fit (see there).
    private const int LargeCount = -1;

    private Coroutine _resumePoint;
    private bool _mustCancel;
    // The task's number: an int holds it for a loop's first 2^31 tasks, 4 B less per task than a long; past that
    // (LargeCount), it is kept with the rare fields. The N of its default name Task-N is found from it (see
    // Loop.TaskNumberOf).
    private readonly int _id;

    internal LoopTask(Loop loop, Coroutine coroutine, string? name)
        : base(loop)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        loop.CheckThread();
        Context = ExecutionContext.Capture();
        var id = loop.NextTaskId();
        _id = id <= int.MaxValue ? (int)id : LargeCount;
        if (_id == LargeCount)
        {
            TaskExtras.LargeId = id;
        }

        // The default name is made when first asked for (most tasks are never asked); its number is taken now.
        if (name is null)
        {
            loop.RecordTaskNumber(id, loop.NextTaskNumber());
        }
        else
        {
            TaskExtras.Name = name;
        }

        coroutine.StartAsTask(this);
        _resumePoint = coroutine;
        loop.TraceTaskCreated(this);
        loop.ScheduleFirstStep(this);
        loop.RegisterTask(this);
    }

    /// <summary>True while the task is pending on its loop's list (see <see cref="PendingTaskList"/>).</summary>
    internal bool Registered { get; set; }

    /// <summary>The task's number on its loop, in creation order (1 for the first task).</summary>
    public long Id => _id != LargeCount ? _id : TaskExtrasOrNull!.LargeId;

    /// <summary>
    /// The task's name (<c>get_name</c>/<c>set_name</c>); <c>Task-N</c> unless given, where N counts the loop's
    /// tasks that got a default name.
    /// </summary>
    public string Name
    {
        get => TaskExtrasOrNull?.Name ?? (TaskExtras.Name = DefaultName);
        set => TaskExtras.Name = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>True when the result can never read differently once there (see <see cref="LoopTask{T}"/>).</summary>
    internal virtual bool HasImmutableResult => false;

    /// <summary>The name if it exists as a string already (given, or formatted once asked for), else null.</summary>
    internal string? NameIfMade => (ExtraSlot as LoopTaskExtras)?.Name;

    /// <summary>The name a task gets when it is given none (what <see cref="Name"/> is until a rename).</summary>
    internal string DefaultName => $"Task-{Loop.TaskNumberOf(Id)}";

    /// <summary>The coroutine the task runs (<c>get_coro()</c>).</summary>
    public Coroutine Coroutine
    {
        get
        {
            // The root of the await chain, which the innermost frame leads to: not kept in a field of every task.
            var frame = _resumePoint;
            while (frame.Caller is { } caller)
            {
                frame = caller;
            }

            return frame;
        }
    }

    /// <summary>The future the task is waiting for right now, if any (<c>_fut_waiter</c>).</summary>
    /// <remarks>
    /// A task in a timed sleep, or waiting for a lock or a semaphore, gets the future of its sleep or acquire when this
    /// is first read, and keeps that future from then on. While the loop runs, that first read must come from the
    /// loop's thread: elsewhere it throws <see cref="InvalidOperationException"/>.
    /// </remarks>
    public Future? WaitingOn => WaitingOnSlot is IFutureStandIn standIn ? standIn.Future : WaitingOnSlot as Future;

    /// <summary>The innermost coroutine of the task's await chain: the one that resumes next.</summary>
    public Coroutine CurrentFrame => _resumePoint;

    /// <summary>
    /// Requests cancellation (<c>cancel(msg)</c>): the coroutine gets a <see cref="CancelledError"/> at its
    /// current await on its next step; it may catch it. Returns false when the task is already done.
    /// </summary>
    public override bool Cancel(string? message = null)
    {
        if (Done)
        {
            return CancelCore(message);
        }

        TaskExtras.CancelsRequested++;
        Loop.TraceCancelRequested(this, message);
        SignalCancellationToken();
        if (WaitingOn is { } waitingOn && waitingOn.Cancel(message))
        {
            return true;
        }

        _mustCancel = true;
        CancelMessage = message;
        return true;
    }

    /// <summary>How many cancellation requests are outstanding (<c>cancelling()</c>).</summary>
    public int Cancelling() => TaskExtrasOrNull?.CancelsRequested ?? 0;

    /// <summary>Takes back one cancellation request (<c>uncancel()</c>); returns how many remain.</summary>
    public int Uncancel()
    {
        if (TaskExtrasOrNull is not { CancelsRequested: > 0 } extras)
        {
            return 0;
        }

        return --extras.CancelsRequested;
    }

    /// <summary>
    /// The task's <see cref="ExecutionContext"/> (see <see cref="EnterContext"/>): most tasks share their loop's
    /// <see cref="Loop.CommonTaskContext"/>, and only one with a context of its own keeps it, with the rare fields.
    /// </summary>
    private ExecutionContext? Context
    {
        get => TaskExtrasOrNull is { HasOwnContext: true } extras ? extras.Context : Loop.CommonTaskContext;
        set
        {
            if (TaskExtrasOrNull is { HasOwnContext: true } own)
            {
                own.Context = value;
            }
            else if (!Loop.IsCommonTaskContext(value))
            {
                var extras = TaskExtras;
                extras.Context = value;
                extras.HasOwnContext = true;
            }
        }
    }

    /// <summary>The task's rarely used fields, if any was ever set (a task's <c>_extra</c> never holds an owner).</summary>
    private LoopTaskExtras? TaskExtrasOrNull => ExtraSlot as LoopTaskExtras;

    /// <summary>The task's rarely used fields, made now if none was set before.</summary>
    private LoopTaskExtras TaskExtras => (LoopTaskExtras)Extras;

    /// <summary>The wake-up a future schedules for a task that waits on it: one delegate for every task.</summary>
    internal static Action<object?> WakeupCallback { get; } = Wakeup;

    /// <summary>A task's step as a delegate: what a step in the ready queue runs, and what its handle names.</summary>
    internal static Action<object?> StepCallbackDelegate { get; } = StepCallback;

    /// <summary>
    /// True while the task waits on a future or on a frame that stands in for one (then what it has on the ready queue
    /// is its wake-up). The ready queue asks at every step it takes.
    /// </summary>
    internal bool WaitsOnFuture
    {
        get
        {
            var slot = WaitingOnSlot;
            return IsStandIn(slot) || slot is Future;
        }
    }

    /// <summary>
    /// True for a frame that stands in for a future (<see cref="IFutureStandIn"/>). The hot paths ask this before they
    /// test for a <see cref="Future"/>: the stand-ins are sealed, so each is one comparison of the type, where a test as
    /// the interface, or as the unsealed <see cref="Future"/>, calls into the runtime.
    /// </summary>
    private static bool IsStandIn(object? slot) => slot is SleepCoroutine or AcquireCoroutine;

    /// <summary>
    /// The future the task waits on, or the frame that stands in for its future until one is made, or, while it awaits
    /// something foreign, that awaiter's type (for the escape report): kept by the frame that waits (see
    /// <see cref="Coroutine.WaitSlot"/>), not in a field of every task.
    /// </summary>
    private object? WaitingOnSlot
    {
        get => _resumePoint.WaitSlot;
        set => _resumePoint.WaitSlot = value;
    }

    /// <summary>What the task throws into its coroutine at its next step (a cancellation), kept with the rare fields.</summary>
    private Exception? PendingThrow
    {
        get => TaskExtrasOrNull?.PendingThrow;
        set
        {
            if (value is not null || TaskExtrasOrNull is not null)
            {
                TaskExtras.PendingThrow = value;
            }
        }
    }

    private protected override FutureExtras NewExtras() => new LoopTaskExtras();

    private protected override string Describe() => $"Task '{Name}' ({StateName})";

    private protected override object? ResultObject => null;

    /// <summary>The frame yielded bare (<c>Sleep(0)</c>): resume it in the next iteration.</summary>
    private void SuspendOnYield(Coroutine frame)
    {
        // Most yields come from the frame that yielded last time: skipping the store saves a write barrier.
        if (_resumePoint != frame)
        {
            _resumePoint = frame;
        }

        Loop.TraceSuspending(WaitKind.Yield, null);
        Loop.ScheduleStepFromCallback(this);
    }

    void ICoroutineDriver.SuspendOnFuture(Coroutine frame, Future future)
    {
        if (future == this)
        {
            throw new InvalidOperationException($"Task '{Name}' cannot await itself.");
        }

        if (future.Loop != Loop)
        {
            throw new InvalidOperationException(
                $"Task '{Name}' awaits a future attached to a different loop; create the future on the task's loop.");
        }

        _resumePoint = frame;
        // Set before the wake-up is added, which may queue it at once: a queued task waiting on a future is its wake-up.
        WaitingOnSlot = future;
        // The task itself is the done callback: waking it needs no object, as it knows the future it waits on.
        future.AddWakeup(this);
        Loop.TraceSuspending(WaitKind.Future, future);
        if (_mustCancel && future.Cancel(CancelMessage))
        {
            _mustCancel = false;
        }
    }

    /// <summary>
    /// The frame, a timed sleep or an acquire, waits: as <see cref="ICoroutineDriver.SuspendOnFuture"/> on the future
    /// it stands in for, without the future until something asks for it (see <see cref="IFutureStandIn"/>).
    /// </summary>
    internal void SuspendOnStandIn<TFrame>(TFrame frame)
        where TFrame : Coroutine, IFutureStandIn
    {
        _resumePoint = frame;
        WaitingOnSlot = frame;
        if (Loop.IsInstrumented || _mustCancel)
        {
            // A trace names the future the task waits on, and a cancellation already requested cancels it: both need
            // the future now. The frame makes it with this task's wake-up, and the task waits on it from here on.
            var future = frame.Future;
            Loop.TraceSuspending(WaitKind.Future, future);
            if (_mustCancel && future.Cancel(CancelMessage))
            {
                _mustCancel = false;
            }
        }
    }

    /// <summary>
    /// Makes the future that <paramref name="standIn"/>, on which the task waits, stands in for (owned by
    /// <paramref name="owner"/>, if any), and waits on it from now on, as it would have from the start. The future is
    /// done with its result when the task's wake-up is queued already (<paramref name="woken"/>), as the result's
    /// callback would have been; otherwise the task's wake-up is its callback.
    /// </summary>
    internal Future<bool> MakeStandInFuture(IFutureStandIn standIn, object? owner, bool woken)
    {
        // Made on the loop's thread only: elsewhere it would race with the loop waking the task (a timer that fires, a
        // release), and a getter that changed nothing before must not corrupt the wait now.
        Loop.CheckThread();
        Debug.Assert(WaitingOnSlot == standIn, "a stand-in's future is made only while the task waits on the stand-in");
        var future = new Future<bool>(Loop) { Owner = owner };
        if (woken)
        {
            future.SetResult(true);
        }
        else
        {
            future.AddWakeup(this);
        }

        WaitingOnSlot = future;
        return future;
    }

    Action ICoroutineDriver.SuspendOnForeign(Coroutine frame, Type awaiterType)
    {
        _resumePoint = frame;
        WaitingOnSlot = awaiterType;
        Loop.TraceSuspending(WaitKind.Foreign, null);
        Loop.ExternalWorkStarted();
        return ResumeFromForeign;
    }

    private static void StepCallback(object? task) => ((LoopTask)task!).Step(null);

    /// <summary>The step the loop runs for a ready <see cref="HandleKind.Step"/> entry, without the delegate call.</summary>
    internal void RunStep() => Step(null);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowSteppedWhenDone() => throw new InvalidStateError($"Task '{Name}' is already done; it cannot step again.");

    private static void Wakeup(object? task) => ((LoopTask)task!).Wakeup();

    private void Wakeup()
    {
        // The future that woke the task is the one it waits on: nothing else steps a task between its suspension on
        // a future and that future's wake-up. One that was cancelled, or failed with a cancellation (a gather whose
        // child was cancelled), carries the cancellation to deliver: a pending cancel() must not replace it
        // (CPython's __wakeup and __step).
        // A sleep without a future woke because its timer fired, and an acquire without one because a release woke it:
        // nothing was cancelled.
        var slot = WaitingOnSlot;
        var future = IsStandIn(slot) ? null : slot as Future;
        Step(future is not null && (future.Cancelled || future.ExceptionUnchecked is OperationCanceledException) ? future : null);
    }

    private void ResumeFromForeign()
    {
        var fromOtherThread = !Loop.IsLoopThread || Loop.InCallbackFromOtherThread;
        Action<object?> resume = fromOtherThread && Loop.Clock == LoopClock.Virtual ? ResumeAfterEscapeCallback : StepCallback;
        if (Loop.IsLoopThread)
        {
            Loop.ScheduleWakeup(resume, this);
        }
        else
        {
            Loop.CallSoonThreadsafe(() => resume(this));
        }

        Loop.ExternalWorkFinished();
    }

    private static void ResumeAfterEscapeCallback(object? task) => ((LoopTask)task!).ResumeAfterEscape();

    /// <summary>
    /// On the virtual clock, an await that completes on another thread has left the loop (a <c>Task.Run</c>,
    /// <c>ConfigureAwait(false)</c>, a <c>Task.Delay</c> without the loop's time provider): when it completes depends
    /// on real time, so the run is no longer deterministic. The task is told so at its next await.
    /// </summary>
    private void ResumeAfterEscape()
    {
        PendingThrow = new LoopEscapeException(
            $"task '{Name}' was resumed from another thread after awaiting {(WaitingOnSlot as Type)?.Name} in coroutine '{_resumePoint.Name}': "
            + "that work ran outside the loop (Task.Run, ConfigureAwait(false), or Task.Delay without loop.TimeProvider), "
            + "which makes a virtual-clock run nondeterministic. Use Asyncio.Sleep or loop.TimeProvider for time, and await "
            + "loop.WrapTask(task) for work that really runs on other threads.");
        Step(null);
    }

    /// <summary>
    /// One step of the task (CPython's <c>__step</c>): resume the innermost frame, and whenever a frame completes,
    /// resume its caller, so resuming a chain of any depth needs constant stack.
    /// </summary>
    private void Step(Future? cancelledWaiter)
    {
        if (Done)
        {
            ThrowSteppedWhenDone();
        }

        if (_mustCancel)
        {
            _mustCancel = false;
            if (cancelledWaiter is null)
            {
                PendingThrow = MakeCancelledError();
            }
        }

        // Only stores that change something: every reference stored costs a write barrier, and most steps wait on
        // nothing after a yield and throw nothing in.
        if (WaitingOnSlot is not null)
        {
            WaitingOnSlot = null;
        }

        // Read once: it lives with the task's rare fields, behind a type test.
        var pendingThrow = PendingThrow;
        Loop.TraceStepEntered(this, cancelledWaiter, pendingThrow);
        Loop.EnterTask(this);
        if (pendingThrow is not null)
        {
            Loop.PendingThrow = pendingThrow;
            PendingThrow = null;
        }

        var outerContext = EnterContext();
        try
        {
            RunFrames();
        }
        finally
        {
            LeaveContext(outerContext);
            if (Loop.PendingThrow is { } untaken)
            {
                PendingThrow = untaken;
                Loop.PendingThrow = null;
            }

            Loop.LeaveTask(this);
            Loop.TraceStepEnded(this);
        }
    }

    /// <summary>
    /// Steps run in the task's own <see cref="ExecutionContext"/>, captured when the task was created, as CPython
    /// runs each task in its own copy of the <c>contextvars</c>: an <see cref="AsyncLocal{T}"/> set by the task
    /// stays with the task, from step to step, and is not seen by others.
    /// </summary>
    private ExecutionContext? EnterContext()
    {
        var outer = ExecutionContext.Capture();
        if (Context is { } context && context != outer)
        {
            ExecutionContext.Restore(context);
        }

        return outer;
    }

    private void LeaveContext(ExecutionContext? outer)
    {
        var current = ExecutionContext.Capture();
        if (current == outer)
        {
            return;
        }

        Context = current;
        if (outer is not null)
        {
            ExecutionContext.Restore(outer);
        }
    }

    private void RunFrames()
    {
        var frame = _resumePoint;
        if (frame.OwnState == CoroutineState.Created && Loop.PendingThrow is { } thrown)
        {
            Loop.PendingThrow = null;
            frame.ThrowIntoCreated(thrown);
        }
        else
        {
            frame.ResumeChain(this);
        }

        while (true)
        {
            if (frame.OwnState == CoroutineState.Completed)
            {
                if (frame.Caller is not { } caller)
                {
                    frame.ReleaseFinishedTask();
                    Finish(frame.Error);
                    return;
                }

                // Here rather than in the awaiter's GetResult, which would first have to find the caller again.
                caller.ChildFinished();
                frame = caller;
            }
            else if (frame.TakePendingCallee() is { } callee)
            {
                callee.AttachTo(frame);
                frame = callee;
                if (frame.OwnState == CoroutineState.Completed)
                {
                    continue;
                }
            }
            else
            {
                if (frame.SuspendIfYielded(this))
                {
                    SuspendOnYield(frame);
                }

                frame.SuspendCallers(this);
                return;
            }

            frame.Resume(this);
        }
    }

    // Inside the task's own step, on the loop's thread: the done callbacks are scheduled without checking it again.
    private void Finish(Exception? error)
    {
        if (error is OperationCanceledException canceled)
        {
            CancelledException = canceled as CancelledError ?? new CancelledError(canceled.Message, canceled);
            CancelCore(null, fromLoopCallback: true);
        }
        else if (error is not null)
        {
            SetExceptionCore(error, fromLoopCallback: true);
        }
        else if (_mustCancel)
        {
            _mustCancel = false;
            CancelCore(CancelMessage, fromLoopCallback: true);
        }
        else
        {
            SetResultCore(fromLoopCallback: true);
        }

        Loop.UnregisterTask(this);
    }
}
