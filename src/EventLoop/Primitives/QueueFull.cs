namespace EventLoop;

/// <summary><c>PutNowait</c> found the queue full (asyncio's <c>QueueFull</c>); <c>await queue.Put(item)</c> waits instead.</summary>
public class QueueFull : InvalidOperationException
{
    /// <summary>Creates the error with a message that says what to do instead.</summary>
    public QueueFull(string message)
        : base(message)
    {
    }
}
