namespace EventLoop;

/// <summary>
/// The loop has nothing to do and nothing can ever arrive: no callback is ready, no timer is scheduled and no work
/// outside the loop is pending, yet something still waits. CPython would hang; this loop stops and says who waits.
/// </summary>
public sealed class DeadlockException : InvalidOperationException
{
    internal DeadlockException(Loop loop)
        : base("deadlock: no callback is ready, no timer is scheduled and nothing can arrive from another thread, "
               + "so every waiting task would wait forever. Waiting:" + loop.DescribeWaitingTasks())
    {
    }
}
