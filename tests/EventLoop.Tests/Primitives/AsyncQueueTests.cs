namespace EventLoop.Tests.Primitives;

public sealed class AsyncQueueTests
{
    [Fact]
    public void TaskDone_called_too_many_times_says_so()
    {
        var queue = new AsyncQueue<int>();
        queue.PutNowait(1);
        queue.GetNowait();
        queue.TaskDone();
        var error = Assert.Throws<InvalidOperationException>(queue.TaskDone);
        Assert.StartsWith("TaskDone() called too many times:", error.Message);
        Assert.Contains("once per item", error.Message);
    }

    [Fact]
    public void PutNowait_on_a_full_queue_and_GetNowait_on_an_empty_one_say_what_to_await_instead()
    {
        var queue = new AsyncQueue<string>(maxsize: 1);
        queue.PutNowait("a");
        var full = Assert.Throws<QueueFull>(() => queue.PutNowait("b"));
        Assert.Contains("await Put(item)", full.Message);
        Assert.Contains("AsyncQueue maxsize=1 qsize=1 tasks=1", full.Message);
        Assert.Equal("a", queue.GetNowait());
        var empty = Assert.Throws<QueueEmpty>(() => queue.GetNowait());
        Assert.Contains("await Get()", empty.Message);
    }

    [Fact]
    public void Size_properties_follow_maxsize()
    {
        var unbounded = new AsyncQueue<int>();
        for (var i = 0; i < 100; i++)
        {
            unbounded.PutNowait(i);
        }

        Assert.False(unbounded.Full);
        Assert.Equal(100, unbounded.Qsize);

        var bounded = new AsyncQueue<int>(maxsize: 2);
        Assert.True(bounded.Empty);
        bounded.PutNowait(1);
        bounded.PutNowait(2);
        Assert.True(bounded.Full);
        Assert.False(bounded.Empty);
    }

    [Fact]
    public void A_waiting_getter_waits_on_the_queue_getter_future()
    {
        Asyncio.Run(Main());

        static async Coroutine Main()
        {
            var queue = new AsyncQueue<int>();
            var getter = Asyncio.CreateTask(queue.Get());
            await Asyncio.Sleep(0);
            _ = Assert.IsType<Future<bool>>(getter.WaitingOn);
            Assert.Equal("AsyncQueue maxsize=0 qsize=0 _getters[1]", queue.ToString());
            queue.PutNowait(7);
            Assert.Equal(7, await getter);
        }
    }

    [Fact]
    public void Priority_queue_drains_in_comparer_order()
    {
        var queue = new AsyncPriorityQueue<int>();
        var items = new[] { 5, 3, 9, 1, 3, 7, 0, 8, 2, 2 };
        foreach (var item in items)
        {
            queue.PutNowait(item);
        }

        var drained = new List<int>();
        while (!queue.Empty)
        {
            drained.Add(queue.GetNowait());
        }

        Assert.Equal(items.Order(), drained);

        var descending = new AsyncPriorityQueue<int>(comparer: Comparer<int>.Create((a, b) => b.CompareTo(a)));
        descending.PutNowait(1);
        descending.PutNowait(3);
        descending.PutNowait(2);
        Assert.Equal(3, descending.GetNowait());
    }

    [Fact]
    public void Lifo_queue_hands_out_the_newest_item_first()
    {
        var queue = new AsyncLifoQueue<string>();
        queue.PutNowait("old");
        queue.PutNowait("new");
        Assert.Equal("new", queue.GetNowait());
        Assert.Equal("old", queue.GetNowait());
        Assert.Equal("AsyncLifoQueue maxsize=0 qsize=0 tasks=2", queue.ToString());
    }

    [Fact]
    public void A_queue_that_waited_on_one_loop_refuses_to_wait_on_another()
    {
        // A getter that waits binds the queue to its loop; a putter that waits for a free slot on another loop fails,
        // and so does a getter.
        var queue = new AsyncQueue<int>(maxsize: 1);
        Asyncio.Run(GetAfterAWait(queue));
        queue.PutNowait(1);
        var putting = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(Put(queue)));
        Assert.Contains("bound to a different event loop", putting.Message);
        Assert.Equal(1, queue.GetNowait());
        var getting = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(Get(queue)));
        Assert.Contains("bound to a different event loop", getting.Message);

        static async Coroutine GetAfterAWait(AsyncQueue<int> queue)
        {
            var getter = Asyncio.CreateTask(Get(queue));
            await Asyncio.Sleep(0);
            await queue.Put(7);
            Assert.Equal(7, await getter);
        }

        static async Coroutine Put(AsyncQueue<int> queue) => await queue.Put(2);

        static async Coroutine<int> Get(AsyncQueue<int> queue) => await queue.Get();
    }
}
