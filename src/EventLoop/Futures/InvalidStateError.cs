namespace EventLoop;

/// <summary>A future or task was asked for something its state does not allow (asyncio's <c>InvalidStateError</c>).</summary>
public class InvalidStateError : InvalidOperationException
{
    /// <summary>Creates the error with a message that says what to do instead.</summary>
    public InvalidStateError(string message)
        : base(message)
    {
    }
}
