namespace EventLoop;

/// <summary>
/// One running <c>as_completed</c> (CPython's generator locals): the futures not done yet, the queue of done ones
/// (an <c>asyncio.Queue</c> in CPython, reproduced here with its getter futures so the wake-ups cost the same
/// iterations), and the timeout's timer.
/// </summary>
internal sealed class AsCompletedState<T>
{
    private readonly Loop _loop;
    private readonly List<Future> _all;
    private readonly HashSet<Future> _todo;
    private readonly Queue<Future?> _done = new();
    private readonly Queue<Future<bool>> _getters = new();
    private readonly Action<Future> _onCompletion;
    private readonly TimerHandle? _timeoutHandle;

    public AsCompletedState(Loop loop, List<Future> todo, double? timeout)
    {
        foreach (var future in todo)
        {
            if (future.Loop != loop)
            {
                throw new ArgumentException($"{future} belongs to another loop; AsCompleted can only wait for futures of the running loop.", "futures");
            }
        }

        _loop = loop;
        _all = todo;
        _todo = new HashSet<Future>(todo, ReferenceEqualityComparer.Instance);
        Count = todo.Count;
        _onCompletion = OnCompletion;
        foreach (var future in todo)
        {
            future.AddDoneCallback(_onCompletion);
        }

        if (todo.Count > 0 && timeout is { } delay)
        {
            _timeoutHandle = loop.CallLater(delay, OnTimeout);
        }
    }

    /// <summary>How many items the enumeration has: one per distinct future.</summary>
    public int Count { get; }

    /// <summary>CPython's <c>_wait_for_one</c>: the next done future's result, or a timeout.</summary>
    public async Coroutine<T> WaitForOne()
    {
        var future = await Get();
        if (future is null)
        {
            throw new TimeoutException(string.Empty);
        }

        return ((IFuture<T>)future).Result();
    }

    /// <summary><c>asyncio.Queue.get</c> on the done queue: suspends on a getter future while the queue is empty.</summary>
    private async Coroutine<Future?> Get()
    {
        while (_done.Count == 0)
        {
            var getter = _loop.CreateFuture<bool>();
            _getters.Enqueue(getter);
            try
            {
                await getter;
            }
            catch
            {
                getter.Cancel();
                RemoveGetter(getter);
                if (_done.Count > 0 && !getter.Cancelled)
                {
                    WakeUpNextGetter();
                }

                throw;
            }
        }

        return _done.Dequeue();
    }

    private void Put(Future? future)
    {
        _done.Enqueue(future);
        WakeUpNextGetter();
    }

    private void WakeUpNextGetter()
    {
        while (_getters.TryDequeue(out var getter))
        {
            if (!getter.Done)
            {
                getter.SetResult(true);
                break;
            }
        }
    }

    private void RemoveGetter(Future<bool> getter)
    {
        var remaining = _getters.Where(g => g != getter).ToArray();
        _getters.Clear();
        foreach (var other in remaining)
        {
            _getters.Enqueue(other);
        }
    }

    private void OnTimeout()
    {
        foreach (var future in _all)
        {
            if (!_todo.Contains(future))
            {
                continue;
            }

            future.RemoveDoneCallback(_onCompletion);

            // A dummy item: the coroutine that takes it throws the timeout.
            Put(null);
        }

        _todo.Clear();
    }

    private void OnCompletion(Future future)
    {
        if (_todo.Count == 0)
        {
            // The timeout came first.
            return;
        }

        _todo.Remove(future);
        Put(future);
        if (_todo.Count == 0)
        {
            _timeoutHandle?.Cancel();
        }
    }
}
