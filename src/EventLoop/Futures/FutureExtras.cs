namespace EventLoop;

/// <summary>
/// The fields few futures and tasks ever use, out of line: a future or task makes this object at the first use of
/// one of them, and the many that never use any are smaller by their sum (a million pending tasks hold that much
/// less memory, which the garbage collector would otherwise copy from generation to generation).
/// </summary>
internal sealed class FutureExtras
{
    /// <summary>What the future waits for on behalf of someone else (see <see cref="Future.Owner"/>).</summary>
    public object? Owner { get; set; }

    /// <summary>The done callbacks after the first (a <see cref="DoneCallback"/>, or a <see cref="LoopTask"/> to wake), in registration order.</summary>
    public List<object>? Callbacks { get; set; }

    /// <summary>The exception the future finished with, or a task's cancellation still to hand out.</summary>
    public Exception? Exception { get; set; }

    /// <summary>The message given to <c>cancel(msg)</c>.</summary>
    public string? CancelMessage { get; set; }

    /// <summary>A task's name once given or formatted.</summary>
    public string? Name { get; set; }

    /// <summary>What a task throws into its coroutine at its next step (a cancellation).</summary>
    public Exception? PendingThrow { get; set; }

    /// <summary>The source of a task's <see cref="LoopTask.CancellationToken"/>, once asked for.</summary>
    public CancellationTokenSource? Cancellation { get; set; }

    /// <summary>A task's <see cref="ExecutionContext"/> when it is not its loop's common one (see <see cref="HasOwnContext"/>).</summary>
    public ExecutionContext? Context { get; set; }

    /// <summary>True when <see cref="Context"/> is the task's (null there means no flow, not the loop's common one).</summary>
    public bool HasOwnContext { get; set; }

    /// <summary>A task's <see cref="LoopTask.Id"/> when it does not fit in an int.</summary>
    public long LargeId { get; set; }

    /// <summary>A task's outstanding cancellation requests (<c>cancelling()</c>).</summary>
    public int CancelsRequested { get; set; }
}
