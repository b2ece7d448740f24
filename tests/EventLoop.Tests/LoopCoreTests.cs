namespace EventLoop.Tests;

public sealed class LoopCoreTests
{
    [Fact]
    public void Equal_deadlines_fire_in_scheduling_order()
    {
        using var loop = new Loop();
        var fired = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            loop.CallAt(1.0, () => fired.Add(n));
        }

        loop.CallAt(2.0, loop.Stop);
        loop.RunForever();
        Assert.Equal(Enumerable.Range(0, 10), fired);
        Assert.Equal(2.0, loop.Time);
    }

    [Fact]
    public void Timers_fire_in_deadline_order_and_the_clock_jumps_to_each_deadline()
    {
        using var loop = new Loop();
        var fired = new List<string>();
        loop.CallLater(3, () => fired.Add($"c@{loop.Time}"));
        loop.CallLater(1, () => fired.Add($"a@{loop.Time}"));
        loop.CallLater(2, () => fired.Add($"b@{loop.Time}"));
        loop.CallLater(3, loop.Stop);
        loop.RunForever();
        Assert.Equal(["a@1", "b@2", "c@3"], fired);
    }

    [Fact]
    public void Callbacks_scheduled_by_a_callback_wait_for_the_next_iteration()
    {
        using var loop = new Loop();
        var seen = new List<string>();
        loop.CallSoon(() =>
        {
            seen.Add($"first@{loop.Iteration}");
            loop.CallSoon(() =>
            {
                seen.Add($"nested@{loop.Iteration}");
                loop.Stop();
            });
        });
        loop.CallSoon(() => seen.Add($"second@{loop.Iteration}"));
        loop.RunForever();
        Assert.Equal(["first@1", "second@1", "nested@2"], seen);
    }

    [Fact]
    public void A_cancelled_callback_never_runs()
    {
        using var loop = new Loop();
        var ran = false;
        var handle = loop.CallSoon(() => ran = true);
        var timer = loop.CallLater(1, () => ran = true);
        handle.Cancel();
        timer.Cancel();
        loop.CallLater(2, loop.Stop);
        loop.RunForever();
        Assert.False(ran);
        Assert.True(handle.Cancelled);
    }

    [Fact]
    public void An_exception_in_a_callback_goes_to_the_handler_and_the_loop_goes_on()
    {
        using var loop = new Loop();
        var reports = new List<ExceptionContext>();
        loop.SetExceptionHandler((_, context) => reports.Add(context));
        var after = false;
        loop.CallSoon(Boom);
        loop.CallSoon(() => after = true);
        loop.CallLater(1, loop.Stop);
        loop.RunForever();
        Assert.True(after);
        var report = Assert.Single(reports);
        Assert.Equal("Exception in callback Boom", report.Message);
        Assert.IsType<InvalidOperationException>(report.Exception);
    }

    [Fact]
    public void A_handler_that_throws_falls_back_to_the_default_handler()
    {
        using var loop = new Loop();
        loop.SetExceptionHandler((_, _) => throw new InvalidOperationException("handler broke"));
        var previous = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try
        {
            loop.CallSoon(Boom);
            loop.CallLater(1, loop.Stop);
            loop.RunForever();
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("Unhandled error in exception handler | InvalidOperationException: handler broke", error.ToString());
        Assert.Contains("Exception in callback Boom | InvalidOperationException: boom", error.ToString());
    }

    [Fact]
    public void Nothing_ready_and_no_timer_is_a_deadlock_naming_the_waiting_tasks()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        var error = Assert.Throws<DeadlockException>(() => loop.RunUntilComplete(WaitFor(future)));
        Assert.Contains("task 'Task-1' waits on Future (pending), at WaitFor", error.Message);
    }

    [Fact]
    public void Running_a_loop_from_inside_itself_is_an_error()
    {
        using var loop = new Loop();
        InvalidOperationException? error = null;
        loop.CallSoon(() => error = Assert.Throws<InvalidOperationException>(loop.RunForever));
        loop.CallSoon(loop.Stop);
        loop.RunForever();
        Assert.Contains("already running", error!.Message);
    }

    [Fact]
    public void A_closed_loop_cannot_schedule_or_run()
    {
        var loop = new Loop();
        loop.Close();
        Assert.Contains("closed", Assert.Throws<InvalidOperationException>(loop.RunForever).Message);
        Assert.Contains("closed", Assert.Throws<InvalidOperationException>(() => loop.CallSoonThreadsafe(() => { })).Message);
    }

    [Fact]
    public void Calling_the_loop_from_another_thread_while_it_runs_is_an_error_but_threadsafe_calls_work()
    {
        using var loop = new Loop();
        Exception? fromThread = null;
        var posted = false;
        loop.CallSoon(() =>
        {
            var thread = new Thread(() =>
            {
                fromThread = Record.Exception(() => loop.CallSoon(() => { }));
                loop.CallSoonThreadsafe(() =>
                {
                    posted = true;
                    loop.Stop();
                });
            });
            thread.Start();
            thread.Join();
        });
        loop.RunForever();
        Assert.Contains("CallSoonThreadsafe", fromThread!.Message);
        Assert.True(posted);
    }

    [Fact]
    public void Creating_a_task_from_another_thread_while_the_loop_runs_is_refused_and_queues_nothing()
    {
        static async Coroutine<int> Work()
        {
            await Asyncio.Sleep(0);
            return 1;
        }

        using var loop = new Loop();
        Exception? fromThread = null;
        var ready = -1;
        loop.CallSoon(() =>
        {
            var thread = new Thread(() => fromThread = Record.Exception(() => loop.CreateTask(Work())));
            thread.Start();
            thread.Join();
            loop.CallSoon(() =>
            {
                ready = loop.AllTasks().Count;
                loop.Stop();
            });
        });
        loop.RunForever();
        Assert.Contains("CallSoonThreadsafe", Assert.IsType<InvalidOperationException>(fromThread).Message);
        Assert.Equal(0, ready);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_delay_must_be_finite(double delay)
    {
        using var loop = new Loop();
        Assert.Throws<ArgumentOutOfRangeException>(() => loop.CallLater(delay, () => { }));
    }

    [Fact]
    public void A_negative_delay_means_now()
    {
        using var loop = new Loop();
        var at = -1.0;
        loop.CallLater(-5, () => at = loop.Time);
        loop.CallLater(0, loop.Stop);
        loop.RunForever();
        Assert.Equal(0, at);
    }

    [Fact]
    public void The_real_clock_really_waits()
    {
        using var loop = new Loop(LoopClock.Real);
        loop.CallLater(0.05, loop.Stop);
        loop.RunForever();
        Assert.True(loop.Time >= 0.05);
    }

    private static void Boom() => throw new InvalidOperationException("boom");

    private static async Coroutine<int> WaitFor(Future<int> future) => await future;
}
