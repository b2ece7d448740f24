namespace EventLoop;

/// <summary><c>GetNowait</c> found the queue empty (asyncio's <c>QueueEmpty</c>); <c>await queue.Get()</c> waits instead.</summary>
public class QueueEmpty : InvalidOperationException
{
    /// <summary>Creates the error with a message that says what to do instead.</summary>
    public QueueEmpty(string message)
        : base(message)
    {
    }
}
