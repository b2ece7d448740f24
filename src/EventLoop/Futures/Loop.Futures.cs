using System.Runtime.ExceptionServices;

namespace EventLoop;

public sealed partial class Loop
{
    private readonly List<Future> _failed = [];
    private static int s_pendingThrows;
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
        set
        {
            if ((_pendingThrow is null) != (value is null))
            {
                Interlocked.Add(ref s_pendingThrows, value is null ? -1 : 1);
            }

            _pendingThrow = value;
        }
    }

    /// <summary>
    /// False when no loop on any thread has an exception to throw in: lets a bare yield, which does not know its
    /// loop, skip looking up the running loop (a thread-static read) at every resume.
    /// </summary>
    internal static bool AnyPendingThrow => Volatile.Read(ref s_pendingThrows) != 0;

    internal void ThrowIfPendingThrow()
    {
        if (_pendingThrow is { } exception)
        {
            PendingThrow = null;
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    /// <summary>
    /// What an await of <paramref name="waited"/> ended with once its task resumed, as the future awaiter's GetResult
    /// would throw it: a cancellation thrown into the task, or the future's own failure; null when it succeeded. A
    /// frame that stood in for its future (<see cref="IFutureStandIn"/>) and was never asked for one passes null: its
    /// wait ended with the result, and only a cancellation thrown in can end it otherwise.
    /// </summary>
    internal Exception? OutcomeOfWait(Future? waited)
    {
        try
        {
            ThrowIfPendingThrow();
            waited?.ThrowIfNotSuccessful();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
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
