using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// An entry of the loop's ready queue. It is a struct, so that scheduling a task's step or a future's done
/// callback allocates nothing: only callbacks that a caller may cancel (public <c>CallSoon</c>, timers, posts from
/// other threads) carry a <see cref="Handle"/>. Two references and a kind: every reference stored in the queue
/// costs a GC write barrier, and this is the loop's hottest store.
/// </summary>
internal readonly struct ReadyCallback
{
    // A Handle, a DoneCallback (run with the future in _state), an Action<object?> (run with _state), or a timer that
    // is its own handle (an IScheduledTimer that is not a Handle: a sleep's).
    private readonly object _target;
    private readonly object? _state;
    private readonly HandleKind _kind;

    /// <summary>A callback that has a handle; it is skipped if the handle was cancelled.</summary>
    public ReadyCallback(Handle handle)
    {
        _target = handle;
        _kind = handle.Kind;
    }

    /// <summary>A timer that came due; it is skipped if it was cancelled.</summary>
    public ReadyCallback(IScheduledTimer timer)
    {
        _target = timer;
        _kind = HandleKind.Timer;
    }

    /// <summary>A callback nobody can cancel: <paramref name="callback"/> runs with <paramref name="state"/>, which is also its subject.</summary>
    public ReadyCallback(Action<object?> callback, object? state, HandleKind kind)
    {
        _target = callback;
        _state = state;
        _kind = kind;
    }

    /// <summary>A future's done callback: it runs with the future.</summary>
    public ReadyCallback(DoneCallback doneCallback, Future future)
    {
        _target = doneCallback;
        _state = future;
        _kind = HandleKind.Callback;
    }

    /// <summary>True when the callback's handle was cancelled, so the loop skips it.</summary>
    /// <remarks>
    /// The two sealed types first: testing for them is one compare each (see <see cref="IsPlainCallback"/>), testing
    /// for <see cref="Handle"/> is not.
    /// </remarks>
    public bool Cancelled => !IsPlainCallback && _target is not DoneCallback
        && (IsOwnTimer ? Unsafe.As<IScheduledTimer>(_target).Cancelled : ((Handle)_target).Cancelled);

    /// <summary>What the callback does, for traces.</summary>
    public HandleKind Kind => _kind;

    /// <summary>The task (or other object) the callback belongs to, for traces and errors.</summary>
    public object? Subject => _target switch
    {
        Handle handle => handle.Subject,
        DoneCallback doneCallback => doneCallback.Subject ?? _state,
        _ => _state,
    };

    /// <summary>The callback's method name, for traces and errors.</summary>
    public string CallbackName => _target switch
    {
        Handle handle => handle.CallbackName,
        DoneCallback doneCallback => doneCallback.Callback.Method.Name,
        IScheduledTimer timer => timer.CallbackName,
        _ => ((Action<object?>)_target).Method.Name,
    };

    /// <summary>True for a callback posted from another thread through the loop's inbox.</summary>
    public bool FromOtherThread =>
        !IsPlainCallback && _target is not DoneCallback && !IsOwnTimer && ((Handle)_target).FromOtherThread;

    /// <summary>
    /// True when the target is an <see cref="Action{T}"/> of an object. Tested by exact type: <c>is
    /// Action&lt;object?&gt;</c> allows for the delegate's variance and calls into the runtime, on every callback,
    /// while no other delegate type converts to <c>Action&lt;object?&gt;</c> (its parameter type would have to be a
    /// base type of object).
    /// </summary>
    private bool IsPlainCallback => _target.GetType() == typeof(Action<object?>);

    /// <summary>
    /// True for a timer that is its own handle. Only timers have the kind <see cref="HandleKind.Timer"/>, and the
    /// other timers are <see cref="TimerHandle"/>s: testing for that sealed type is one compare, where testing for
    /// <see cref="Handle"/> or for the interface calls into the runtime.
    /// </summary>
    private bool IsOwnTimer => _kind == HandleKind.Timer && _target is not TimerHandle;

    public void Run()
    {
        // A task's step is the commonest entry: run it directly (its state is the task), not through the delegate.
        if (_kind == HandleKind.Step)
        {
            Unsafe.As<LoopTask>(_state)!.RunStep();
        }
        else if (IsPlainCallback)
        {
            Unsafe.As<Action<object?>>(_target)(_state);
        }
        else if (_target is DoneCallback doneCallback)
        {
            doneCallback.Run((Future)_state!);
        }
        else if (IsOwnTimer)
        {
            Unsafe.As<IScheduledTimer>(_target).Fire();
        }
        else
        {
            ((Handle)_target).Run();
        }
    }

    /// <summary>The callback's handle, made now if it had none (for an exception handler's context: the cold path).</summary>
    public Handle ToHandle(Loop loop) => _target switch
    {
        Handle handle => handle,
        DoneCallback doneCallback => new Handle(loop, DoneCallback.Invoke, new DoneCallback.Invocation(doneCallback, (Future)_state!),
            _kind, hasSubject: true),
        IScheduledTimer timer => timer.ToHandle(),
        _ => new Handle(loop, (Action<object?>)_target, _state, _kind, hasSubject: _state is not null),
    };
}
