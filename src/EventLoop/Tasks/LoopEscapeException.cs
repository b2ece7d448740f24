namespace EventLoop;

/// <summary>
/// A task on the virtual clock awaited work that completed on another thread: the run stopped being deterministic.
/// The message names the task, the coroutine and what it awaited, and says what to use instead.
/// </summary>
public sealed class LoopEscapeException : InvalidOperationException
{
    /// <summary>Creates the error with its explanation.</summary>
    public LoopEscapeException(string message)
        : base(message)
    {
    }
}
