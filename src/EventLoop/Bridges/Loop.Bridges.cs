namespace EventLoop;

public sealed partial class Loop
{
    private readonly LoopSynchronizationContext _synchronizationContext;
    private readonly LoopTimeProvider _timeProvider;

    /// <summary>A <see cref="System.TimeProvider"/> on the loop's clock: <c>Task.Delay(d, loop.TimeProvider)</c> is virtual.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>
    /// The loop's <see cref="System.Threading.SynchronizationContext"/>, current while the loop runs: continuations
    /// of plain <c>async Task</c> code come back to the loop as callbacks.
    /// </summary>
    public SynchronizationContext SynchronizationContext => _synchronizationContext;

    internal bool IsLoopThread => Environment.CurrentManagedThreadId == _threadId;
}
