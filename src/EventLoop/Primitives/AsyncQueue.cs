namespace EventLoop;

/// <summary>
/// A first-in first-out queue for producer and consumer tasks (asyncio's <c>Queue</c>; named so that it does not
/// clash with <see cref="Queue{T}"/>). With a positive <see cref="Maxsize"/>, <see cref="Put"/> waits while the
/// queue is full; <see cref="Get"/> waits while it is empty. Waiting producers and consumers are served in the
/// order they came. <see cref="TaskDone"/> and <see cref="Join"/> track items that were taken but not processed.
/// </summary>
/// <remarks>
/// <para>Subclasses choose the retrieval order by overriding <see cref="StoreItem"/>, <see cref="TakeItem"/> and
/// <see cref="StoredCount"/> (CPython's <c>_put</c>, <c>_get</c> and <c>len(_queue)</c>): see
/// <see cref="AsyncPriorityQueue{T}"/> and <see cref="AsyncLifoQueue{T}"/>.</para>
/// <para>The queue belongs to the loop given to the constructor, or else to the loop running when it first makes a
/// task wait. While a task waits, its <see cref="LoopTask.WaitingOn"/> is the queue's getter or putter future.</para>
/// </remarks>
public class AsyncQueue<T>
{
    private readonly WaiterQueue<Future<bool>> _getters = new();
    private readonly WaiterQueue<Future<bool>> _putters = new();
    private readonly AsyncEvent _finished;
    private Queue<T>? _items;
    private LoopBinding _binding;
    private int _unfinishedTasks;

    /// <summary>
    /// A queue holding at most <paramref name="maxsize"/> items (zero or less: no limit), bound to
    /// <paramref name="loop"/> or, when null, to the loop running when it first makes a task wait.
    /// </summary>
    public AsyncQueue(int maxsize = 0, Loop? loop = null)
    {
        Maxsize = maxsize;
        _binding = new LoopBinding(loop);
        _finished = loop is null ? new AsyncEvent() : new AsyncEvent(loop);
        _finished.Set();
    }

    /// <summary>How many items the queue holds at most (<c>maxsize</c>); zero or less means no limit.</summary>
    public int Maxsize { get; }

    /// <summary>How many items are in the queue (<c>qsize()</c>).</summary>
    public int Qsize => StoredCount;

    /// <summary>True when the queue holds no item (<c>empty()</c>).</summary>
    public bool Empty => StoredCount == 0;

    /// <summary>True when the queue holds <see cref="Maxsize"/> items (<c>full()</c>); never with no limit.</summary>
    public bool Full => Maxsize > 0 && Qsize >= Maxsize;

    /// <summary>How many items the retrieval order keeps (CPython's <c>len(self._queue)</c>).</summary>
    protected virtual int StoredCount => _items?.Count ?? 0;

    /// <summary>Puts <paramref name="item"/> into the queue, waiting for a free slot while it is full (<c>put()</c>).</summary>
    public Coroutine Put(T item) => new QueuePutCoroutine<T>(this, item);

    /// <summary>Puts <paramref name="item"/> into the queue at once (<c>put_nowait()</c>); throws <see cref="QueueFull"/> when it is full.</summary>
    public void PutNowait(T item)
    {
        if (Full)
        {
            throw new QueueFull(
                $"{PrimitiveMisuse.Caller()} called PutNowait() on a full {this}; await Put(item) to wait for a free slot.");
        }

        Store(item);
    }

    /// <summary>Removes and returns the next item, waiting while the queue is empty (<c>get()</c>).</summary>
    public Coroutine<T> Get() => new QueueGetCoroutine<T>(this);

    /// <summary>Removes and returns the next item at once (<c>get_nowait()</c>); throws <see cref="QueueEmpty"/> when there is none.</summary>
    public T GetNowait()
    {
        if (Empty)
        {
            throw new QueueEmpty(
                $"{PrimitiveMisuse.Caller()} called GetNowait() on an empty {this}; await Get() to wait for an item.");
        }

        return Take();
    }

    /// <summary>
    /// Says that an item taken from the queue has been processed (<c>task_done()</c>); when every item put has been,
    /// <see cref="Join"/> returns. Throws <see cref="InvalidOperationException"/> when called more often than items
    /// were put.
    /// </summary>
    public void TaskDone()
    {
        if (_unfinishedTasks <= 0)
        {
            throw new InvalidOperationException(
                $"TaskDone() called too many times: {PrimitiveMisuse.Caller()} called it on {this}, which has no unfinished "
                + "item; call it once per item taken with Get() or GetNowait().");
        }

        _unfinishedTasks--;
        if (_unfinishedTasks == 0)
        {
            _finished.Set();
        }
    }

    /// <summary>Waits until every item put into the queue has been taken and marked done with <see cref="TaskDone"/> (<c>join()</c>).</summary>
    public async Coroutine Join()
    {
        if (_unfinishedTasks > 0)
        {
            await _finished.Wait();
        }
    }

    /// <summary>The queue's state, as CPython's str says it: <c>AsyncQueue maxsize=2 qsize=1 getters[1] tasks=3</c>.</summary>
    public override string ToString()
    {
        var name = GetType().Name;
        var text = $"{name[..name.IndexOf('`')]} maxsize={Maxsize} qsize={Qsize}";
        if (_getters.Count > 0)
        {
            text += $" _getters[{_getters.Count}]";
        }

        if (_putters.Count > 0)
        {
            text += $" _putters[{_putters.Count}]";
        }

        if (_unfinishedTasks > 0)
        {
            text += $" tasks={_unfinishedTasks}";
        }

        return text;
    }

    /// <summary>
    /// One turn of <c>put()</c>'s loop: stores <paramref name="item"/> and returns null when there is a free slot,
    /// otherwise queues a putter future on <paramref name="loop"/>, the running loop (the loop of the task that puts),
    /// to which the wait binds the queue, and returns it for the caller to await.
    /// </summary>
    internal Future<bool>? PutOrQueue(T item, Loop loop)
    {
        if (Full)
        {
            _binding.Bind(loop, this);
            return _putters.AddNew(loop, this);
        }

        Store(item);
        return null;
    }

    /// <summary>
    /// One turn of <c>get()</c>'s loop: takes the next <paramref name="item"/> and returns null when there is one,
    /// otherwise queues a getter future on <paramref name="loop"/> (as <see cref="PutOrQueue"/>) and returns it for
    /// the caller to await.
    /// </summary>
    internal Future<bool>? TakeOrQueue(out T item, Loop loop)
    {
        if (Empty)
        {
            item = default!;
            _binding.Bind(loop, this);
            return _getters.AddNew(loop, this);
        }

        item = Take();
        return null;
    }

    /// <summary>
    /// <c>put()</c>'s or <c>get()</c>'s handler when awaiting <paramref name="waiter"/> threw: the waiter is
    /// cancelled and leaves its queue, and one woken by an item or a slot it can no longer use passes the wake-up on
    /// to the next in line.
    /// </summary>
    internal void AbandonWait(Future<bool> waiter, bool putting)
    {
        var waiters = putting ? _putters : _getters;
        waiter.Cancel();
        waiters.Remove(waiter);
        if (!(putting ? Full : Empty) && !waiter.Cancelled)
        {
            WakeUpNext(waiters);
        }
    }

    /// <summary>What <c>put_nowait()</c> does once it knows there is room.</summary>
    private void Store(T item)
    {
        StoreItem(item);
        _unfinishedTasks++;
        _finished.Clear();
        WakeUpNext(_getters);
    }

    /// <summary>What <c>get_nowait()</c> does once it knows there is an item.</summary>
    private T Take()
    {
        var item = TakeItem();
        WakeUpNext(_putters);
        return item;
    }

    /// <summary>Adds an item in the retrieval order's storage (CPython's <c>_put</c>).</summary>
    protected virtual void StoreItem(T item) => (_items ??= new Queue<T>()).Enqueue(item);

    /// <summary>Removes the next item in retrieval order; called only when <see cref="StoredCount"/> is positive (CPython's <c>_get</c>).</summary>
    protected virtual T TakeItem() => _items!.Dequeue();

    /// <summary>Wakes the first waiter that is not done, dropping the done ones on the way (CPython's <c>_wakeup_next</c>).</summary>
    private static void WakeUpNext(WaiterQueue<Future<bool>> waiters)
    {
        while (waiters.Count > 0)
        {
            var first = waiters.RemoveFirst();
            if (!first.Done)
            {
                first.SetResult(true);
                break;
            }
        }
    }
}
