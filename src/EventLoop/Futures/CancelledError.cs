namespace EventLoop;

/// <summary>
/// The cancellation of a task or future (asyncio's <c>CancelledError</c>). It is an
/// <see cref="OperationCanceledException"/>, so <c>catch (OperationCanceledException)</c> catches it; its
/// <see cref="Exception.Message"/> is the message given to <c>Cancel(message)</c>, or empty.
/// </summary>
public class CancelledError : OperationCanceledException
{
    /// <summary>A cancellation with the given message (null means none).</summary>
    public CancelledError(string? message = null)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>A cancellation caused by another exception.</summary>
    public CancelledError(string? message, Exception? innerException)
        : base(message ?? string.Empty, innerException)
    {
    }
}
