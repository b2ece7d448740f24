namespace EventLoop.Tests;

public sealed class ReliabilityTests
{
    [Fact]
    public void Callbacks_posted_from_four_threads_all_run_once_in_each_threads_order()
    {
        const int threads = 4;
        const int perThread = 250_000;
        using var loop = new Loop(LoopClock.Real);
        var seen = new int[threads];
        var outOfOrder = 0;
        var total = 0;
        var allArrived = loop.CreateFuture<bool>();

        void Arrive(int thread, int index)
        {
            if (seen[thread] != index)
            {
                outOfOrder++;
            }

            seen[thread] = index + 1;
            if (++total == threads * perThread)
            {
                allArrived.SetResult(true);
            }
        }

        var posters = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var index = i;
                loop.CallSoonThreadsafe(() => Arrive(t, index));
            }
        })).ToList();

        loop.CallSoon(() => posters.ForEach(p => p.Start()));
        loop.RunUntilComplete(allArrived);
        posters.ForEach(p => p.Join());

        Assert.Equal(0, outOfOrder);
        Assert.All(seen, count => Assert.Equal(perThread, count));
        Assert.Equal(threads * perThread, total);
    }

    [Fact]
    public void An_idle_real_time_loop_wakes_at_once_for_a_post()
    {
        using var loop = new Loop(LoopClock.Real);
        double arrivedAt = -1;
        loop.CallLater(30, loop.Stop);
        loop.CallSoon(() => new Thread(() =>
        {
            Thread.Sleep(50);
            loop.CallSoonThreadsafe(() =>
            {
                arrivedAt = loop.Time;
                loop.Stop();
            });
        }).Start());
        loop.RunForever();
        Assert.InRange(arrivedAt, 0.04, 10);
    }

    [Fact]
    public async Task Run_coroutine_threadsafe_hands_the_outcome_to_a_caller_outside_the_loop()
    {
        using var loop = new Loop(LoopClock.Real);
        var stop = loop.CreateFuture<bool>();

        async Coroutine<int> Work()
        {
            await Asyncio.Sleep(0.01);
            return 42;
        }

        Task<int>? fromOutside = null;
        var caller = new Thread(() =>
        {
            fromOutside = loop.RunCoroutineThreadsafe(Work());
            fromOutside.Wait();
            loop.CallSoonThreadsafe(() => stop.SetResult(true));
        });
        loop.CallSoon(caller.Start);
        loop.RunUntilComplete(stop);
        caller.Join();
        Assert.Equal(42, await fromOutside!);
    }

    [Fact]
    public void A_loop_that_ran_a_million_tasks_holds_none_of_them()
    {
        var live = -1;
        var sampled = new List<WeakReference>();

        static async Coroutine<int> Trivial(int i)
        {
            await Asyncio.Sleep(0);
            return i;
        }

        async Coroutine Main()
        {
            for (var batch = 0; batch < 1000; batch++)
            {
                var tasks = new LoopTask<int>[1000];
                for (var i = 0; i < tasks.Length; i++)
                {
                    tasks[i] = Asyncio.CreateTask(Trivial(i));
                }

                // One finished task and its coroutine per batch is watched (weakly) until the loop closes.
                sampled.Add(new WeakReference(tasks[batch]));
                sampled.Add(new WeakReference(tasks[batch].Coroutine));
                await Asyncio.Gather(tasks);
            }

            live = Asyncio.AllTasks().Count;
        }

        Asyncio.Run(Main());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // Weak references rather than the heap's size: other tests allocate in parallel, the sampled objects are ours.
        Assert.Equal(1, live);
        Assert.Equal(0, sampled.Count(reference => reference.IsAlive));
    }

    [Fact]
    public void Result_of_a_pending_task_says_to_await_it()
    {
        async Coroutine<string> Main()
        {
            var task = Asyncio.CreateTask(Asyncio.Sleep(1, "x"), "slow");
            var error = Assert.Throws<InvalidStateError>(() => task.Result());
            await task;
            return error.Message;
        }

        Assert.Equal("Result is not ready: Task 'slow' (pending) is still pending; await it first.", Asyncio.Run(Main()));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Sleep_rejects_a_delay_that_is_not_finite(double seconds)
    {
        async Coroutine Main() => await Asyncio.Sleep(seconds);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Asyncio.Run(Main()));
        Assert.Contains("finite number of seconds", error.Message);
    }

    [Fact]
    public void Running_a_second_loop_inside_a_running_one_is_an_error()
    {
        async Coroutine Main()
        {
            var coroutine = Asyncio.Sleep(0);
            var error = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(coroutine));
            Assert.Contains("cannot be called from a running event loop", error.Message);
            coroutine.Close();
            await Asyncio.Sleep(0);
        }

        Asyncio.Run(Main());
    }

    [Fact]
    public void Two_tasks_waiting_for_each_others_lock_are_reported_as_a_deadlock()
    {
        var first = new AsyncLock();
        var second = new AsyncLock();

        async Coroutine Worker(AsyncLock mine, AsyncLock theirs)
        {
            using (await mine.Acquire())
            {
                await Asyncio.Sleep(1);
                using (await theirs.Acquire())
                {
                }
            }
        }

        async Coroutine Main() => await Asyncio.Gather(Worker(first, second), Worker(second, first));

        var error = Assert.Throws<DeadlockException>(() => Asyncio.Run(Main()));
        Assert.Equal(
            "deadlock: no callback is ready, no timer is scheduled and nothing can arrive from another thread, "
            + "so every waiting task would wait forever. Waiting:"
            + "\n  task 'Task-1' waits on GatheringFuture (pending), at Main"
            + "\n  task 'Task-2' waits on a waiter of AsyncLock (pending), at Acquire <- Worker"
            + "\n  task 'Task-3' waits on a waiter of AsyncLock (pending), at Acquire <- Worker",
            error.Message);
    }
}
