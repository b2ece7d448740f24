using System.Collections;

namespace EventLoop;

/// <summary>
/// What <see cref="Asyncio.AsCompleted{T}(IEnumerable{IFuture{T}}, double?)"/> returns. Each enumeration is one
/// CPython <c>as_completed</c> generator: it starts when enumeration starts (done callbacks on every future, the
/// timeout's timer) and has one item per distinct future.
/// </summary>
/// <remarks>
/// <c>await foreach</c> binds to <see cref="GetAsyncEnumerator"/> by pattern, whose <c>MoveNextAsync</c> returns a
/// <see cref="Coroutine{T}"/>: it runs inline in the task and suspends on loop futures, so an item costs the same
/// loop iterations as awaiting CPython's coroutine. <see cref="IAsyncEnumerable{T}"/> is deliberately not implemented:
/// its <see cref="ValueTask{TResult}"/> is an awaitable the coroutine builder does not own, whose completion would
/// come back through an extra <c>CallSoon</c>, i.e. one extra loop iteration per item.
/// </remarks>
public sealed class AsCompletedSequence<T> : IEnumerable<Coroutine<T>>
{
    private readonly Func<Loop, List<Future>> _futures;
    private readonly double? _timeout;

    internal AsCompletedSequence(Func<Loop, List<Future>> futures, double? timeout)
    {
        _futures = futures;
        _timeout = timeout;
    }

    /// <summary>
    /// Starts waiting; yields one coroutine per future, each giving the next result (or exception) in completion
    /// order, or throwing <see cref="TimeoutException"/> once the timeout passed.
    /// </summary>
    public IEnumerator<Coroutine<T>> GetEnumerator()
    {
        var state = Start();
        for (var i = 0; i < state.Count; i++)
        {
            yield return state.WaitForOne();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Starts waiting, for <c>await foreach</c>: each item is the next result in completion order.</summary>
    public AsyncEnumerator GetAsyncEnumerator() => new(Start());

    private AsCompletedState<T> Start()
    {
        var loop = Loop.GetRunningLoop();
        return new AsCompletedState<T>(loop, FutureSet<Future>.Distinct(_futures(loop), "futures"), _timeout);
    }

    /// <summary>The <c>await foreach</c> enumerator: <see cref="MoveNextAsync"/> awaits the next completion.</summary>
    public sealed class AsyncEnumerator
    {
        private readonly AsCompletedState<T> _state;
        private int _remaining;

        internal AsyncEnumerator(AsCompletedState<T> state)
        {
            _state = state;
            _remaining = state.Count;
        }

        /// <summary>The last result <see cref="MoveNextAsync"/> waited for.</summary>
        public T Current { get; private set; } = default!;

        /// <summary>
        /// Waits for the next future to complete and makes its result <see cref="Current"/>; false when all were
        /// given. Throws the future's exception, or <see cref="TimeoutException"/> once the timeout passed.
        /// </summary>
        public async Coroutine<bool> MoveNextAsync()
        {
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            Current = await _state.WaitForOne();
            return true;
        }
    }
}
