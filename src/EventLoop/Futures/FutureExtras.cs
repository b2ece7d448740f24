namespace EventLoop;

/// <summary>
/// The fields few futures ever use, out of line: a future makes this object at the first use of one of them, and
/// the many that never use any are smaller by their sum (a million pending futures and tasks hold that much less
/// memory, which the garbage collector would otherwise copy from generation to generation). Tasks have more such
/// fields: see <see cref="LoopTaskExtras"/>.
/// </summary>
internal class FutureExtras
{
    /// <summary>What the future waits for on behalf of someone else (see <see cref="Future.Owner"/>).</summary>
    public object? Owner { get; set; }

    /// <summary>The done callbacks after the first (a <see cref="DoneCallback"/>, or a <see cref="LoopTask"/> to wake), in registration order.</summary>
    public List<object>? Callbacks { get; set; }

    /// <summary>The exception the future finished with, or a task's cancellation still to hand out.</summary>
    public Exception? Exception { get; set; }

    /// <summary>The message given to <c>cancel(msg)</c>.</summary>
    public string? CancelMessage { get; set; }
}
