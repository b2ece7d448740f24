using System.Runtime.ExceptionServices;

namespace EventLoop;

public sealed partial class Loop
{
    private readonly List<Future> _failed = [];
    private Exception? _pendingThrow;

    /// <summary>Creates a pending future on this loop (<c>loop.create_future()</c>).</summary>
    public Future<T> CreateFuture<T>() => new(this);

    /// <summary>A pending future that waits on behalf of <paramref name="owner"/> (a lock, event, queue, ...).</summary>
    internal Future<bool> CreateWaiter(object owner) => new(this) { Owner = owner };

    /// <summary>
    /// The exception a task throws into its coroutine at the await it resumes (a cancellation); the awaiter that
    /// resumes first takes it.
    /// </summary>
    internal Exception? PendingThrow
    {
        get => _pendingThrow;
        set => _pendingThrow = value;
    }

    internal void ThrowIfPendingThrow()
    {
        if (_pendingThrow is { } exception)
        {
            _pendingThrow = null;
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    internal void TrackUnretrieved(Future future) => _failed.Add(future);

    /// <summary>
    /// "Future exception was never retrieved": CPython says it when the future is collected; here it is said once,
    /// deterministically, when the loop closes, in the order the futures failed.
    /// </summary>
    private partial void ReportUnretrieved()
    {
        foreach (var future in _failed)
        {
            if (future.HasUnretrievedException)
            {
                var what = future is LoopTask ? "Task" : "Future";
                CallExceptionHandler(new ExceptionContext($"{what} exception was never retrieved", future.ExceptionUnchecked, future));
            }
        }

        _failed.Clear();
    }
}
