namespace EventLoop;

/// <summary>A done callback as a future keeps it: the callback, and how the trace names it when it runs.</summary>
internal sealed class DoneCallback
{
    // An Action<Future>, or an Action<object, Future> called with the subject: one field for both keeps every
    // callback object (a task's wake-up among them) 8 B smaller.
    private readonly Delegate _method;

    public DoneCallback(Action<Future> callback, HandleKind kind, object? subject)
    {
        _method = callback;
        Kind = kind;
        Subject = subject;
    }

    /// <summary>
    /// A callback that is called with its <paramref name="subject"/> and the future: a static method serves every
    /// subject, so a task's wake-up needs no delegate of its own.
    /// </summary>
    public DoneCallback(Action<object, Future> callback, HandleKind kind, object subject)
    {
        _method = callback;
        Kind = kind;
        Subject = subject;
    }

    /// <summary>The user's callback (what <c>remove_done_callback</c> compares with); null for the library's own subject callbacks.</summary>
    public Action<Future>? Callback => _method as Action<Future>;

    public HandleKind Kind { get; }

    /// <summary>
    /// The task or object the callback belongs to, for traces and errors; null means the future it runs with, so
    /// that one callback object can serve many futures (a gather's children).
    /// </summary>
    public object? Subject { get; }

    /// <summary>The delegate that runs, for the callback's name in traces and errors.</summary>
    public Delegate Method => _method;

    public void Run(Future future)
    {
        if (_method is Action<Future> callback)
        {
            callback(future);
        }
        else
        {
            ((Action<object, Future>)_method)(Subject!, future);
        }
    }

    public static void Invoke(object? state)
    {
        var invocation = (Invocation)state!;
        invocation.Callback.Run(invocation.Future);
    }

    internal sealed record Invocation(DoneCallback Callback, Future Future);
}
