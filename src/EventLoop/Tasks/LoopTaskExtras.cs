namespace EventLoop;

/// <summary>The fields few tasks ever use (see <see cref="FutureExtras"/>), with those of a future.</summary>
internal sealed class LoopTaskExtras : FutureExtras
{
    /// <summary>The task's name once given or formatted.</summary>
    public string? Name { get; set; }

    /// <summary>What the task throws into its coroutine at its next step (a cancellation).</summary>
    public Exception? PendingThrow { get; set; }

    /// <summary>The source of the task's <see cref="LoopTask.CancellationToken"/>, once asked for.</summary>
    public CancellationTokenSource? Cancellation { get; set; }

    /// <summary>The task's <see cref="ExecutionContext"/> when it is not its loop's common one (see <see cref="HasOwnContext"/>).</summary>
    public ExecutionContext? Context { get; set; }

    /// <summary>True when <see cref="Context"/> is the task's (null there means no flow, not the loop's common one).</summary>
    public bool HasOwnContext { get; set; }

    /// <summary>The task's <see cref="LoopTask.Id"/> when it does not fit in an int.</summary>
    public long LargeId { get; set; }

    /// <summary>The task's outstanding cancellation requests (<c>cancelling()</c>).</summary>
    public int CancelsRequested { get; set; }
}
