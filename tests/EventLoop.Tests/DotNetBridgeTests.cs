namespace EventLoop.Tests;

/// <summary>Plain async Task code on the loop: continuations through the SynchronizationContext, time through the TimeProvider.</summary>
public sealed class DotNetBridgeTests
{
    [Fact]
    public void Task_Delay_on_the_loop_time_provider_is_virtual_and_deterministic()
    {
        static List<string> RunOnce()
        {
            using var loop = new Loop();
            var log = new List<string>();

            async Task Worker(string name, double seconds)
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), loop.TimeProvider);
                log.Add($"{name}@{loop.Time} thread-ok={loop.IsLoopThread}");
            }

            loop.RunUntilComplete(() => Task.WhenAll(Worker("slow", 3), Worker("fast", 1), Worker("tie-a", 2), Worker("tie-b", 2)));
            return log;
        }

        var first = RunOnce();
        Assert.Equal(["fast@1 thread-ok=True", "tie-a@2 thread-ok=True", "tie-b@2 thread-ok=True", "slow@3 thread-ok=True"], first);
        Assert.Equal(first, RunOnce());
    }

    [Fact]
    public void The_loop_synchronization_context_is_current_while_it_runs_and_posts_become_callbacks()
    {
        using var loop = new Loop();
        SynchronizationContext? seen = null;
        var order = new List<string>();
        loop.CallSoon(() =>
        {
            seen = SynchronizationContext.Current;
            seen!.Post(_ => order.Add($"posted@{loop.Iteration}"), null);
            order.Add($"callback@{loop.Iteration}");
        });
        loop.CallLater(1, loop.Stop);
        loop.RunForever();
        Assert.Same(loop.SynchronizationContext, seen);
        Assert.Equal(["callback@1", "posted@2"], order);
        Assert.NotSame(loop.SynchronizationContext, SynchronizationContext.Current);
    }

    [Fact]
    public void A_coroutine_can_await_plain_async_Task_code()
    {
        using var loop = new Loop();

        async Task<int> Legacy()
        {
            await Task.Delay(TimeSpan.FromSeconds(2), loop.TimeProvider);
            return 40;
        }

        async Coroutine<int> Main() => await Legacy() + await loop.WrapTask(Legacy());

        Assert.Equal(80, loop.RunUntilComplete(Main()));
        Assert.Equal(4, loop.Time);
    }

    [Fact]
    public void Work_on_another_thread_is_waited_for_instead_of_being_called_a_deadlock()
    {
        using var loop = new Loop();

        async Coroutine<int> Main() => await loop.WrapTask(Task.Run(() => 6 * 7));

        Assert.Equal(42, loop.RunUntilComplete(Main()));
    }

    [Fact]
    public void Timers_from_the_time_provider_can_be_changed_and_disposed()
    {
        using var loop = new Loop();
        var fired = new List<double>();
        var timer = loop.TimeProvider.CreateTimer(_ => fired.Add(loop.Time), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        loop.CallLater(5.5, () => timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        loop.CallLater(10, () =>
        {
            timer.Dispose();
            loop.Stop();
        });
        loop.RunForever();
        Assert.Equal([1.0, 3.0, 5.0, 6.5], fired);
    }

    [Fact]
    public void Cancellation_token_sources_time_out_on_the_virtual_clock()
    {
        using var loop = new Loop();
        double cancelledAt = -1;

        async Task Main()
        {
            using var source = new CancellationTokenSource(TimeSpan.FromSeconds(3), loop.TimeProvider);
            source.Token.Register(() => cancelledAt = loop.Time);
            await Task.Delay(TimeSpan.FromSeconds(5), loop.TimeProvider);
        }

        loop.RunUntilComplete(Main);
        Assert.Equal(3, cancelledAt);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(5), loop.TimeProvider.GetUtcNow());
    }

    [Fact]
    public void An_await_that_escapes_the_loop_on_the_virtual_clock_is_reported_to_the_task()
    {
        async Coroutine<string> Main()
        {
            await Task.Run(() => Thread.Sleep(10));
            try
            {
                await Asyncio.Sleep(0);
                return "not detected";
            }
            catch (LoopEscapeException error)
            {
                return error.Message;
            }
        }

        var message = Asyncio.Run(Main());
        Assert.StartsWith("task 'Task-1' was resumed from another thread after awaiting TaskAwaiter in coroutine 'Main'", message);
        Assert.Contains("loop.WrapTask(task)", message);
    }

    [Fact]
    public void On_the_real_clock_an_await_on_another_thread_just_comes_back_to_the_loop()
    {
        async Coroutine<int> Main()
        {
            var value = await Task.Run(() => 41);
            await Asyncio.Sleep(0);
            return value + 1;
        }

        Assert.Equal(42, Asyncio.Run(Main(), LoopClock.Real));
    }

    [Fact]
    public void A_task_hands_out_a_token_that_is_cancelled_with_the_task()
    {
        using var loop = new Loop();
        var log = new List<string>();

        async Coroutine Worker()
        {
            var token = Asyncio.CurrentTask()!.CancellationToken;
            token.Register(() => log.Add($"token cancelled at {loop.Time}"));
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), loop.TimeProvider, token);
            }
            catch (OperationCanceledException)
            {
                log.Add($"delay cancelled at {loop.Time}");
                throw;
            }
        }

        async Coroutine Main()
        {
            var task = Asyncio.CreateTask(Worker());
            await Asyncio.Sleep(2);
            task.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await task);
            log.Add($"task cancelled={task.Cancelled}");
        }

        loop.RunUntilComplete(Main());
        Assert.Equal(["token cancelled at 2", "delay cancelled at 2", "task cancelled=True"], log);
    }
}
