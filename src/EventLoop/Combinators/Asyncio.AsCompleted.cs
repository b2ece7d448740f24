namespace EventLoop;

public static partial class Asyncio
{
    /// <summary>
    /// The futures' outcomes in the order they complete (<c>asyncio.as_completed</c>). With <c>foreach</c> each item is
    /// a coroutine to await for the next result (as in CPython); with <c>await foreach</c> each item is the next result.
    /// After <paramref name="timeout"/> seconds the remaining items throw <see cref="TimeoutException"/>.
    /// </summary>
    public static AsCompletedSequence<T> AsCompleted<T>(IEnumerable<IFuture<T>> futures, double? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(futures);
        return new AsCompletedSequence<T>(loop => [.. futures.Select(f => f as Future ?? throw new ArgumentException(
            $"{f?.GetType().Name ?? "null"} is not a loop Future: AsCompleted takes tasks and futures.", nameof(futures)))], timeout);
    }

    /// <summary>
    /// Wraps the coroutines in tasks (in argument order, where CPython uses set order) and gives their outcomes in
    /// the order they complete (<c>asyncio.as_completed</c>); see <see cref="AsCompleted{T}(IEnumerable{IFuture{T}}, double?)"/>.
    /// </summary>
    public static AsCompletedSequence<T> AsCompleted<T>(IEnumerable<Coroutine<T>> coroutines, double? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(coroutines);
        return new AsCompletedSequence<T>(loop => [.. coroutines.Select(c => (Future)loop.CreateTask(c))], timeout);
    }
}
