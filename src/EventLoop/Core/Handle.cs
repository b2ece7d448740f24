namespace EventLoop;

/// <summary>
/// A callback scheduled on a <see cref="Loop"/> (asyncio's <c>Handle</c>). Cancelling it before it runs means it
/// never runs.
/// </summary>
public class Handle
{
    private readonly Action<object?> _callback;
    private readonly object? _state;
    // The subject is null (a user's callback, a timer), the state, or what a done callback's invocation gives: a flag
    // says whether there is one, instead of a reference in every handle.
    private readonly bool _hasSubject;

    /// <param name="loop">The loop.</param>
    /// <param name="callback">What runs, with <paramref name="state"/>.</param>
    /// <param name="state">The callback's argument.</param>
    /// <param name="kind">What the callback does, for traces.</param>
    /// <param name="hasSubject">
    /// Whether the callback belongs to an object, for traces and errors: then it is the state, or a done callback's
    /// subject (or its future) when the state is its invocation.
    /// </param>
    internal Handle(Loop loop, Action<object?> callback, object? state, HandleKind kind, bool hasSubject = false)
    {
        Loop = loop;
        _callback = callback;
        _state = state;
        Kind = kind;
        _hasSubject = hasSubject;
    }

    /// <summary>The loop the callback is scheduled on.</summary>
    public Loop Loop { get; }

    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>What the callback does, for traces: a task's step or wake-up, or a plain callback.</summary>
    public HandleKind Kind { get; }

    /// <summary>The task whose code the callback runs, or another object it belongs to (for traces and errors).</summary>
    public object? Subject => !_hasSubject ? null
        : _state is DoneCallback.Invocation invocation ? invocation.Callback.Subject ?? invocation.Future
        : _state;

    /// <summary>A stable, human-readable name of the callback (the method's name), used in traces and errors.</summary>
    public string CallbackName => (WrappedCallback ?? _callback).Method.Name;

    /// <summary>Cancels the callback; a cancelled callback is skipped by the loop. Cancelling twice is harmless.</summary>
    public virtual void Cancel() => Cancelled = true;

    /// <summary>What the callback is called with (a sleep's timer: its future), for state inspection.</summary>
    internal object? State => _state;

    /// <summary>True for a callback posted from another thread through the loop's inbox.</summary>
    internal bool FromOtherThread { get; init; }

    internal void Run() => _callback(_state);

    internal static void InvokeAction(object? action) => ((Action)action!)();

    /// <summary>The delegate that the callback calls for someone else, if it is such a wrapper.</summary>
    private Delegate? WrappedCallback => _state switch
    {
        Action action when _callback == InvokeAction => action,
        DoneCallback.Invocation invocation => invocation.Callback.Callback,
        _ => null,
    };
}
