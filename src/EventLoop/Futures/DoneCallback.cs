namespace EventLoop;

/// <summary>A done callback as a future keeps it: the callback, and what the trace names as its subject.</summary>
/// <remarks>
/// A task waiting on a future is woken without one (see <see cref="Future.AddWakeup"/>), so every done callback is
/// a plain callback (<see cref="HandleKind.Callback"/>) and keeps no kind.
/// </remarks>
internal sealed class DoneCallback(Action<Future> callback, object? subject)
{
    /// <summary>The callback (what <c>remove_done_callback</c> compares with).</summary>
    public Action<Future> Callback { get; } = callback;

    /// <summary>
    /// The task or object the callback belongs to, for traces and errors; null means the future it runs with, so
    /// that one callback object can serve many futures (a gather's children).
    /// </summary>
    public object? Subject { get; } = subject;

    public void Run(Future future) => Callback(future);

    public static void Invoke(object? state)
    {
        var invocation = (Invocation)state!;
        invocation.Callback.Run(invocation.Future);
    }

    internal sealed record Invocation(DoneCallback Callback, Future Future);
}
