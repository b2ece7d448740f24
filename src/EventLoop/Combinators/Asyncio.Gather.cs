namespace EventLoop;

public static partial class Asyncio
{
    /// <summary>
    /// Runs the coroutines concurrently, each in a task, and gives their results in argument order
    /// (<c>asyncio.gather</c>). The first exception goes to the awaiter and the other tasks keep running (as in
    /// CPython; they are not cancelled). Cancelling the returned future cancels the tasks.
    /// </summary>
    public static Future<T[]> Gather<T>(params Coroutine<T>[] coroutines) => Gather((IEnumerable<Coroutine<T>>)coroutines);

    /// <inheritdoc cref="Gather{T}(Coroutine{T}[])"/>
    public static Future<T[]> Gather<T>(IEnumerable<Coroutine<T>> coroutines)
    {
        ArgumentNullException.ThrowIfNull(coroutines);
        return GatherCore(coroutines, returnExceptions: false, children => Array.ConvertAll(children, ResultOf<T>));
    }

    /// <summary>Waits for the futures and tasks concurrently and gives their results in argument order (<c>asyncio.gather</c>).</summary>
    public static Future<T[]> Gather<T>(params IFuture<T>[] futures)
    {
        ArgumentNullException.ThrowIfNull(futures);
        return GatherCore(futures, returnExceptions: false, children => Array.ConvertAll(children, ResultOf<T>));
    }

    /// <summary>
    /// A typed child's result. A child made from a coroutine is a sealed <see cref="LoopTask{T}"/>: testing for it
    /// is one compare, where a cast to the covariant <see cref="IFuture{T}"/> takes the runtime's slow path.
    /// </summary>
    private static T ResultOf<T>(Future child) => child is LoopTask<T> task ? task.Result() : ((IFuture<T>)child).Result();

    /// <summary>
    /// Gathers coroutines, futures and tasks of any result types (<c>asyncio.gather</c>). With
    /// <paramref name="returnExceptions"/> a failure is an element of the result (a cancelled child gives a
    /// <see cref="CancelledError"/>) instead of being raised.
    /// </summary>
    public static Future<object?[]> Gather(bool returnExceptions, params object[] awaitables)
    {
        ArgumentNullException.ThrowIfNull(awaitables);
        return GatherOn(Loop.GetRunningLoop(), returnExceptions, awaitables);
    }

    /// <summary>Gathers coroutines, futures and tasks of any result types; the first exception is raised.</summary>
    public static Future<object?[]> Gather(params object[] awaitables) => Gather(false, awaitables);

    /// <summary><see cref="Gather(bool, object[])"/> on a given loop, which need not be running (for the runner's shutdown).</summary>
    internal static Future<object?[]> GatherOn(Loop loop, bool returnExceptions, IEnumerable<object> awaitables) =>
        GatherCore(loop, awaitables, returnExceptions, children => Array.ConvertAll(children, Outcome));

    private static Future<TResult> GatherCore<TResult>(IEnumerable<object> awaitables, bool returnExceptions,
        Func<Future[], TResult> collect) => GatherCore(Loop.GetRunningLoop(), awaitables, returnExceptions, collect);

    private static Future<TResult> GatherCore<TResult>(Loop loop, IEnumerable<object> awaitables, bool returnExceptions,
        Func<Future[], TResult> collect)
    {
        var items = awaitables as object[] ?? [.. awaitables];
        if (items.Length == 0)
        {
            var empty = loop.CreateFuture<TResult>();
            empty.SetResult(collect([]));
            return empty;
        }

        // An argument given twice runs once (CPython's arg_to_fut). A coroutine nobody has claimed yet cannot repeat
        // an earlier argument, so the map is made only when another kind of argument comes, with what came before.
        var children = new Future[items.Length];
        Dictionary<object, Future>? futures = null;
        for (var i = 0; i < items.Length; i++)
        {
            var awaitable = items[i];
            if (futures is null && awaitable is Coroutine { IsUnclaimed: true } coroutine)
            {
                // What EnsureFuture does with a coroutine, without first testing whether it is a future.
                children[i] = loop.CreateTask(coroutine);
                continue;
            }

            if (futures is null)
            {
                futures = new Dictionary<object, Future>(ReferenceEqualityComparer.Instance);
                for (var j = 0; j < i; j++)
                {
                    futures.Add(items[j], children[j]);
                }
            }

            if (!futures.TryGetValue(awaitable, out var future))
            {
                future = EnsureFuture(loop, awaitable);
                futures.Add(awaitable, future);
            }

            children[i] = future;
        }

        if (items != awaitables)
        {
            // The copy made of a sequence: once the children exist nothing reads it, but past about 10,600 items it is
            // on the large-object heap, freed only by a gen2 collection, and until then it would keep every coroutine
            // alive (and be copied with them by each young collection).
            Array.Clear(items);
        }

        return new GatheringFuture<TResult>(loop, children, returnExceptions, collect,
            childrenAreDistinct: futures is null || futures.Count == children.Length);
    }

    private static object? Outcome(Future child)
    {
        if (child.Cancelled)
        {
            return new CancelledError(child.CancelMessageOrNull);
        }

        return child.Exception() ?? child.Result();
    }
}
