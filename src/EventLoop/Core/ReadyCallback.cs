using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// An entry of the loop's ready queue. It is a struct, so that scheduling a task's step or a future's done
/// callback allocates nothing: only callbacks that a caller may cancel (public <c>CallSoon</c>, timers, posts from
/// other threads) carry a <see cref="Handle"/>. Two references and no kind: the kind follows from what they hold,
/// which keeps the entry at 16 B (and lets the queue keep a task's step or wake-up in one slot, see
/// <see cref="ReadyQueue"/>).
/// </summary>
/// <remarks>
/// The forms: a task's step is the task alone; a task's wake-up, or its resumption after a foreign await, is the
/// delegate with the task as its state; a future's done callback is the <see cref="DoneCallback"/> with the future;
/// a callback that has a handle is <see cref="RunHandle"/> with the handle; a timer that is its own handle (a timed
/// sleep's, see <see cref="IScheduledTimer"/>) is <see cref="FireTimer"/> with the timer.
/// </remarks>
internal readonly struct ReadyCallback
{
    private readonly object _target;
    private readonly object? _state;

    private ReadyCallback(object target, object? state)
    {
        _target = target;
        _state = state;
    }

    /// <summary>Runs a callback's handle; the delegate marks an entry that has one.</summary>
    private static readonly Action<object?> RunHandle = handle => ((Handle)handle!).Run();

    /// <summary>Fires a timer that is its own handle; the delegate marks an entry that is one.</summary>
    private static readonly Action<object?> FireTimer = timer => ((IScheduledTimer)timer!).Fire();

    /// <summary>A callback that has a handle; it is skipped if the handle was cancelled.</summary>
    public static ReadyCallback Of(Handle handle) => new(RunHandle, handle);

    /// <summary>A timer that came due; it is skipped if it was cancelled.</summary>
    public static ReadyCallback Of(IScheduledTimer timer) => timer is TimerHandle handle ? new(RunHandle, handle) : new(FireTimer, timer);

    /// <summary>A task's step: its first one, or its resumption after a bare yield.</summary>
    public static ReadyCallback StepOf(LoopTask task) => new(task, null);

    /// <summary>A task's wake-up (<paramref name="callback"/> runs with the task): a future it awaited is done, or a foreign await completed.</summary>
    public static ReadyCallback WakeupOf(Action<object?> callback, LoopTask task) => new(callback, task);

    /// <summary>A future's done callback: it runs with the future.</summary>
    public static ReadyCallback Of(DoneCallback doneCallback, Future future) => new(doneCallback, future);

    /// <summary>
    /// The entry as the queue keeps it, <paramref name="target"/> and <paramref name="state"/> (null for an entry kept in
    /// one slot). A task kept alone is its step, or its wake-up when it waits on a future or on a frame that stands in
    /// for one (a timed sleep, an acquire): a task waits on one from its suspension until the step that its wake-up
    /// runs, so it cannot have a step queued meanwhile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadyCallback FromSlots(object target, object? state)
    {
        if (state is not null)
        {
            return new(target, state);
        }

        var task = Unsafe.As<LoopTask>(target);
        return task.WaitsOnFuture ? new(LoopTask.WakeupCallback, task) : new(task, null);
    }

    /// <summary>What the queue keeps first: the target, or the task alone for its step or its future's wake-up.</summary>
    public object FirstSlot => _target == (object)LoopTask.WakeupCallback ? _state! : _target;

    /// <summary>What the queue keeps second, or null when <see cref="FirstSlot"/> alone says it all.</summary>
    public object? SecondSlot => _target == (object)LoopTask.WakeupCallback ? null : _state;

    /// <summary>True for an entry whose first slot is followed by a second (a delegate or a done callback).</summary>
    /// <remarks>
    /// The delegate is tested by exact type: <c>is Action&lt;object?&gt;</c> allows for the delegate's variance and calls
    /// into the runtime, while no other delegate type converts to it (its parameter type would have to be a base type
    /// of object).
    /// </remarks>
    public static bool HasSecondSlot(object first) => first.GetType() == typeof(Action<object?>) || first is DoneCallback;

    /// <summary>True when the callback's handle was cancelled, so the loop skips it.</summary>
    public bool Cancelled => _target == (object)RunHandle ? Unsafe.As<Handle>(_state)!.Cancelled
        : _target == (object)FireTimer && Unsafe.As<IScheduledTimer>(_state)!.Cancelled;

    /// <summary>What the callback does, for traces.</summary>
    public HandleKind Kind => _state is null ? HandleKind.Step
        : _target is DoneCallback ? HandleKind.Callback
        : _target == (object)RunHandle ? Unsafe.As<Handle>(_state).Kind
        : _target == (object)FireTimer ? HandleKind.Timer
        : HandleKind.Wakeup;

    /// <summary>The task (or other object) the callback belongs to, for traces and errors.</summary>
    public object? Subject => _state is null ? _target
        : _target is DoneCallback doneCallback ? doneCallback.Subject ?? _state
        : _target == (object)RunHandle ? Unsafe.As<Handle>(_state).Subject
        : _target == (object)FireTimer ? null
        : _state;

    /// <summary>
    /// The task of a <see cref="HandleKind.Step"/> entry, which is the entry's target alone (see <see cref="StepOf"/>):
    /// the trace reads it without testing the subject's type.
    /// </summary>
    public LoopTask TaskOfStep => Unsafe.As<LoopTask>(_target);

    /// <summary>The callback's method name, for traces and errors.</summary>
    public string CallbackName => _state is null ? LoopTask.StepCallbackDelegate.Method.Name
        : _target is DoneCallback doneCallback ? doneCallback.Callback.Method.Name
        : _target == (object)RunHandle ? Unsafe.As<Handle>(_state).CallbackName
        : _target == (object)FireTimer ? Unsafe.As<IScheduledTimer>(_state).CallbackName
        : ((Action<object?>)_target).Method.Name;

    /// <summary>True for a callback posted from another thread through the loop's inbox.</summary>
    public bool FromOtherThread => _target == (object)RunHandle && Unsafe.As<Handle>(_state)!.FromOtherThread;

    public void Run()
    {
        // A task's step is the commonest entry: run it directly, not through a delegate.
        if (_state is null)
        {
            Unsafe.As<LoopTask>(_target).RunStep();
        }
        else if (_target is DoneCallback doneCallback)
        {
            doneCallback.Run(Unsafe.As<Future>(_state));
        }
        else
        {
            Unsafe.As<Action<object?>>(_target)(_state);
        }
    }

    /// <summary>The callback's handle, made now if it had none (for an exception handler's context: the cold path).</summary>
    public Handle ToHandle(Loop loop) =>
        _state is null ? new Handle(loop, LoopTask.StepCallbackDelegate, _target, HandleKind.Step, hasSubject: true)
        : _target is DoneCallback doneCallback ? new Handle(loop, DoneCallback.Invoke, new DoneCallback.Invocation(doneCallback, (Future)_state),
            HandleKind.Callback, hasSubject: true)
        : _target == (object)RunHandle ? (Handle)_state
        : _target == (object)FireTimer ? ((IScheduledTimer)_state).ToHandle()
        : new Handle(loop, (Action<object?>)_target, _state, HandleKind.Wakeup, hasSubject: true);
}
