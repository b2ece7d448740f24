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
    // A Handle, a DoneCallback (run with the future in _state) or an Action<object?> (run with _state).
    private readonly object _target;
    private readonly object? _state;
    private readonly HandleKind _kind;

    /// <summary>A callback that has a handle; it is skipped if the handle was cancelled.</summary>
    public ReadyCallback(Handle handle)
    {
        _target = handle;
        _kind = handle.Kind;
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
    /// <remarks>The two sealed types first: testing for them is one compare, testing for <see cref="Handle"/> is not.</remarks>
    public bool Cancelled => _target is not (Action<object?> or DoneCallback) && ((Handle)_target).Cancelled;

    /// <summary>What the callback does, for traces.</summary>
    public HandleKind Kind => _kind;

    /// <summary>The task (or other object) the callback belongs to, for traces and errors.</summary>
    public object? Subject => _target switch
    {
        Handle handle => handle.Subject,
        DoneCallback doneCallback => doneCallback.Subject ?? _state,
        _ => _state,
    };

    /// <summary>
    /// The task of a <see cref="HandleKind.Step"/> or <see cref="HandleKind.Wakeup"/> entry, which is always its state
    /// (see <see cref="Run"/>): the trace reads it without testing the subject's type.
    /// </summary>
    public LoopTask TaskOfStep => Unsafe.As<LoopTask>(_state)!;

    /// <summary>The callback's method name, for traces and errors.</summary>
    public string CallbackName => _target switch
    {
        Handle handle => handle.CallbackName,
        DoneCallback doneCallback => doneCallback.Callback.Method.Name,
        _ => ((Action<object?>)_target).Method.Name,
    };

    /// <summary>True for a callback posted from another thread through the loop's inbox.</summary>
    public bool FromOtherThread => _target is not (Action<object?> or DoneCallback) && ((Handle)_target).FromOtherThread;

    public void Run()
    {
        // A task's step is the commonest entry: run it directly (its state is the task), not through the delegate.
        if (_kind == HandleKind.Step)
        {
            Unsafe.As<LoopTask>(_state)!.RunStep();
        }
        else if (_target is Action<object?> callback)
        {
            callback(_state);
        }
        else if (_target is DoneCallback doneCallback)
        {
            doneCallback.Run((Future)_state!);
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
        _ => new Handle(loop, (Action<object?>)_target, _state, _kind, hasSubject: _state is not null),
    };
}
