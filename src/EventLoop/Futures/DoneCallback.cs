namespace EventLoop;

/// <summary>A done callback as a future keeps it: the callback, and how the trace names it when it runs.</summary>
internal sealed class DoneCallback(Action<Future> callback, HandleKind kind, object? subject)
{
    public Action<Future> Callback { get; } = callback;

    public HandleKind Kind { get; } = kind;

    public object? Subject { get; } = subject;

    public static void Invoke(object? state)
    {
        var invocation = (Invocation)state!;
        invocation.Callback.Callback(invocation.Future);
    }

    internal sealed record Invocation(DoneCallback Callback, Future Future);
}
