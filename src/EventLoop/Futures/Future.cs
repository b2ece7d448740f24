using System.Runtime.ExceptionServices;

namespace EventLoop;

/// <summary>
/// A result that arrives later (asyncio's <c>Future</c>): pending, then finished with a result or an exception,
/// or cancelled. Done callbacks are scheduled on the loop with <c>CallSoon</c> in registration order, also when
/// added after completion; they never run inline.
/// </summary>
/// <remarks>This base class carries everything but the typed result: see <see cref="Future{T}"/> and <see cref="LoopTask"/>.</remarks>
public abstract class Future
{
    // The first callback has a field of its own (as CPython's fut_callback0): most futures have one, and then no list
    // is made. A DoneCallback, or a LoopTask to wake (its wake-up needs no object: the task knows what it waits on).
    private object? _callback0;
    // Null, the owner alone (most futures that have one need nothing else), or the FutureExtras that hold the owner
    // with the other fields few futures use.
    private object? _extra;
    private FutureState _state;
    private bool _logTraceback;

    private protected Future(Loop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        Loop = loop;
    }

    private enum FutureState : byte
    {
        Pending,
        Cancelled,
        Finished,
    }

    /// <summary>The loop the future belongs to (<c>get_loop()</c>).</summary>
    public Loop Loop { get; }

    /// <summary>True when the future has a result or an exception, or was cancelled (<c>done()</c>).</summary>
    public bool Done => _state != FutureState.Pending;

    /// <summary>True when the future was cancelled (<c>cancelled()</c>).</summary>
    public bool Cancelled => _state == FutureState.Cancelled;

    /// <summary>
    /// What the future waits for on behalf of someone else: the lock, event, semaphore, condition or queue whose
    /// waiter it is; null for a plain future. Deadlock reports and task dumps name it.
    /// </summary>
    public object? Owner
    {
        get => _extra is FutureExtras extras ? extras.Owner : _extra;
        internal set
        {
            if (_extra is FutureExtras extras)
            {
                extras.Owner = value;
            }
            else
            {
                _extra = value;
            }
        }
    }

    /// <summary>The message given to <see cref="Cancel"/>, kept for the <see cref="CancelledError"/> it raises.</summary>
    private protected string? CancelMessage
    {
        get => ExtrasOrNull?.CancelMessage;
        set
        {
            if (value is not null || _extra is FutureExtras)
            {
                Extras.CancelMessage = value;
            }
        }
    }

    /// <summary>
    /// The exception the future finished with, or a task's cancellation still to hand out (see
    /// <see cref="CancelledException"/>): with the rare fields, as most futures finish without one.
    /// </summary>
    private Exception? StoredException
    {
        get => ExtrasOrNull?.Exception;
        set
        {
            if (value is not null || ExtrasOrNull is not null)
            {
                Extras.Exception = value;
            }
        }
    }

    /// <summary>The rarely used fields, if any was ever set.</summary>
    private protected FutureExtras? ExtrasOrNull => _extra as FutureExtras;

    /// <summary>The owner or the rarely used fields as stored (for a subclass that knows which type it stores there).</summary>
    private protected object? ExtraSlot => _extra;

    /// <summary>The rarely used fields, made now if none was set before (keeping the owner).</summary>
    private protected FutureExtras Extras
    {
        get
        {
            if (_extra is FutureExtras extras)
            {
                return extras;
            }

            extras = NewExtras();
            extras.Owner = _extra;
            _extra = extras;
            return extras;
        }
    }

    /// <summary>What <see cref="Extras"/> makes: a task has more rare fields.</summary>
    private protected virtual FutureExtras NewExtras() => new();

    /// <summary>The cancellation that ended a task's coroutine; handed out once, to the first who asks.</summary>
    /// <remarks>
    /// A cancelled future has no exception of its own, so this shares the exception's place (one field less in
    /// every task's side object). It is set just before the task is cancelled, while the place is still empty.
    /// </remarks>
    private protected CancelledError? CancelledException
    {
        get => _state == FutureState.Cancelled ? StoredException as CancelledError : null;
        set => StoredException = value;
    }

    /// <summary>
    /// Cancels the future (<c>cancel(msg)</c>): it becomes done and its callbacks are scheduled. Returns false when
    /// it was already done.
    /// </summary>
    public virtual bool Cancel(string? message = null) => CancelCore(message);

    /// <summary>
    /// The exception the future finished with, or null (<c>exception()</c>). Throws <see cref="CancelledError"/>
    /// when it was cancelled and <see cref="InvalidStateError"/> while it is pending.
    /// </summary>
    public Exception? Exception()
    {
        if (_state == FutureState.Cancelled)
        {
            throw MakeCancelledError();
        }

        if (_state != FutureState.Finished)
        {
            throw new InvalidStateError($"Exception is not set: {Describe()} is still pending; await it first.");
        }

        _logTraceback = false;
        return StoredException;
    }

    /// <summary>
    /// The result as an object (<c>result()</c>); the typed subclasses have a typed <c>Result()</c>. Throws the
    /// future's exception, <see cref="CancelledError"/> when cancelled, or <see cref="InvalidStateError"/> while pending.
    /// </summary>
    public object? Result()
    {
        ThrowIfNotSuccessful();
        return ResultObject;
    }

    /// <summary>
    /// Adds a callback run with this future once it is done (<c>add_done_callback</c>). It is scheduled with
    /// <c>CallSoon</c>; if the future is already done that happens now.
    /// </summary>
    public void AddDoneCallback(Action<Future> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        AddDoneCallback(new DoneCallback(callback, this));
    }

    /// <summary>Removes every registration of <paramref name="callback"/> (<c>remove_done_callback</c>); returns how many.</summary>
    public int RemoveDoneCallback(Action<Future> callback)
    {
        var removed = 0;
        if (_callback0 is DoneCallback first && first.Callback == callback)
        {
            _callback0 = null;
            removed++;
        }

        return removed + (ExtrasOrNull?.Callbacks?.RemoveAll(c => c is DoneCallback other && other.Callback == callback) ?? 0);
    }

    /// <summary>Lets coroutines (and plain <c>async</c> code) <c>await</c> the future.</summary>
    public FutureAwaiter GetAwaiter() => new(this);

    /// <summary>A short description for messages: the task's name, or the future's type.</summary>
    public override string ToString() => Describe();

    private protected virtual string Describe() =>
        Owner is null ? $"{PlainName(GetType())} ({StateName})" : $"a waiter of {PlainName(Owner.GetType())} ({StateName})";

    private static string PlainName(Type type) => type.Name.Split('`')[0];

    private protected string StateName => _state switch
    {
        FutureState.Pending => "pending",
        FutureState.Cancelled => "cancelled",
        _ => "finished",
    };

    /// <summary>The result boxed, for <see cref="Result"/>; null for futures without a value.</summary>
    private protected abstract object? ResultObject { get; }

    internal void AddDoneCallback(DoneCallback callback) => AddCallback(callback);

    /// <summary>Wakes <paramref name="task"/> once the future is done, as a done callback would (CPython's <c>__wakeup</c>).</summary>
    internal void AddWakeup(LoopTask task) => AddCallback(task);

    internal void RemoveDoneCallback(DoneCallback callback)
    {
        if (_callback0 == callback)
        {
            _callback0 = null;
        }
        else
        {
            ExtrasOrNull?.Callbacks?.Remove(callback);
        }
    }

    /// <summary>Throws the future's exception (or cancellation) if it has one; marks the exception retrieved.</summary>
    internal void ThrowIfNotSuccessful()
    {
        if (_state == FutureState.Cancelled)
        {
            throw MakeCancelledError();
        }

        if (_state != FutureState.Finished)
        {
            throw new InvalidStateError($"Result is not ready: {Describe()} is still pending; await it first.");
        }

        _logTraceback = false;
        if (StoredException is { } exception)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    /// <summary>
    /// The cancellation to raise to whoever awaits or asks for the result (<c>_make_cancelled_error</c>): the
    /// exception that ended the coroutine the first time, then a new one with the cancel message.
    /// </summary>
    internal CancelledError MakeCancelledError()
    {
        if (CancelledException is { } exception)
        {
            CancelledException = null;
            return exception;
        }

        return new CancelledError(CancelMessage);
    }

    /// <summary>True when the future finished with an exception nobody looked at (for the loop's report at close).</summary>
    internal bool HasUnretrievedException => _logTraceback;

    internal Exception? ExceptionUnchecked => _state == FutureState.Finished ? StoredException : null;

    internal string? CancelMessageOrNull => CancelMessage;

    // fromLoopCallback: the future completes inside a callback of its loop (a task finishing in its own step), where
    // scheduling its done callbacks need not check the thread again.
    private protected bool CancelCore(string? message, bool fromLoopCallback = false)
    {
        _logTraceback = false;
        if (_state != FutureState.Pending)
        {
            return false;
        }

        _state = FutureState.Cancelled;
        CancelMessage = message;
        ScheduleCallbacks(fromLoopCallback);
        return true;
    }

    private protected void SetResultCore(bool fromLoopCallback = false)
    {
        ThrowIfDone("result");
        _state = FutureState.Finished;
        ScheduleCallbacks(fromLoopCallback);
    }

    private protected void SetExceptionCore(Exception exception, bool fromLoopCallback = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ThrowIfDone("exception");
        StoredException = exception;
        _state = FutureState.Finished;
        _logTraceback = true;
        Loop.TrackUnretrieved(this);
        ScheduleCallbacks(fromLoopCallback);
    }

    private void ThrowIfDone(string what)
    {
        if (_state != FutureState.Pending)
        {
            throw new InvalidStateError(
                $"invalid state: cannot set the {what} of {Describe()}, it is already done; a future is completed once.");
        }
    }

    private void AddCallback(object callback)
    {
        if (_state != FutureState.Pending)
        {
            Schedule(callback, fromLoopCallback: false);
        }
        else if (_callback0 is null && ExtrasOrNull?.Callbacks is null)
        {
            _callback0 = callback;
        }
        else
        {
            (Extras.Callbacks ??= []).Add(callback);
        }
    }

    private void ScheduleCallbacks(bool fromLoopCallback)
    {
        if (_callback0 is { } first)
        {
            _callback0 = null;
            Schedule(first, fromLoopCallback);
        }

        if (ExtrasOrNull is not { Callbacks: { } callbacks } extras)
        {
            return;
        }

        extras.Callbacks = null;
        foreach (var callback in callbacks)
        {
            Schedule(callback, fromLoopCallback);
        }
    }

    private void Schedule(object callback, bool fromLoopCallback)
    {
        if (callback is DoneCallback doneCallback)
        {
            if (fromLoopCallback)
            {
                Loop.ScheduleFromCallback(doneCallback, this);
            }
            else
            {
                Loop.Schedule(doneCallback, this);
            }
        }
        else if (fromLoopCallback)
        {
            Loop.ScheduleWakeupFromCallback(LoopTask.WakeupCallback, (LoopTask)callback);
        }
        else
        {
            Loop.ScheduleWakeup(LoopTask.WakeupCallback, (LoopTask)callback);
        }
    }
}
