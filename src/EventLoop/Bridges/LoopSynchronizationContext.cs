namespace EventLoop;

/// <summary>
/// The <see cref="SynchronizationContext"/> a <see cref="Loop"/> installs while it runs. A posted continuation
/// becomes a callback on the loop (<c>call_soon</c> from the loop's thread, <c>call_soon_threadsafe</c> from any
/// other), so plain <c>async Task</c> code resumes on the loop's thread, in a deterministic order.
/// </summary>
public sealed class LoopSynchronizationContext : SynchronizationContext
{
    internal LoopSynchronizationContext(Loop loop) => Loop = loop;

    /// <summary>The loop the continuations go to.</summary>
    public Loop Loop { get; }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (Loop.IsLoopThread)
        {
            Loop.CallSoon(() => d(state));
        }
        else
        {
            Loop.CallSoonThreadsafe(() => d(state));
        }
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!Loop.IsLoopThread)
        {
            throw new NotSupportedException(
                "Send from another thread would block on the loop: post the work with CallSoonThreadsafe instead.");
        }

        d(state);
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
