namespace EventLoop;

/// <summary>A callback scheduled for a point in loop time (asyncio's <c>TimerHandle</c>).</summary>
public sealed class TimerHandle : Handle, IScheduledTimer
{
    internal TimerHandle(Loop loop, double when, long sequence, Action<object?> callback, object? state)
        : base(loop, callback, state, HandleKind.Timer)
    {
        When = when;
        Sequence = sequence;
    }

    /// <summary>The loop time at which the callback is due.</summary>
    public double When { get; }

    /// <summary>Scheduling order: equal deadlines fire in this order (first scheduled, first fired).</summary>
    internal long Sequence { get; }

    /// <inheritdoc cref="IScheduledTimer.Scheduled"/>
    internal bool Scheduled { get; set; }

    long IScheduledTimer.Sequence => Sequence;

    bool IScheduledTimer.Scheduled
    {
        get => Scheduled;
        set => Scheduled = value;
    }

    object? IScheduledTimer.State => State;

    void IScheduledTimer.Fire() => Run();

    Handle IScheduledTimer.ToHandle() => this;

    /// <inheritdoc />
    public override void Cancel()
    {
        if (!Cancelled)
        {
            Loop.TimerCancelled(this);
        }

        base.Cancel();
    }
}
