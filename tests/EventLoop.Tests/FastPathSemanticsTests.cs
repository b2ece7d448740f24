namespace EventLoop.Tests;

/// <summary>
/// The behaviours the performance work rewrote (hand-written Sleep coroutines, the slot-array never-awaited
/// registry, the first done callback kept in a field, gather's argument map) stay as CPython has them.
/// </summary>
public sealed class FastPathSemanticsTests
{
    [Fact]
    public void Sleep_zero_is_a_lazy_coroutine_named_Sleep_that_can_be_awaited_once()
    {
        var log = new List<string>();

        async Coroutine<int> Main()
        {
            var sleep = Asyncio.Sleep(0);
            log.Add($"{sleep.Name} {sleep.State}");
            await sleep;
            log.Add($"{sleep.State}");
            var again = Assert.Throws<InvalidOperationException>(() => sleep.GetAwaiter());
            log.Add(again.Message.Contains("cannot reuse already awaited coroutine 'Sleep'", StringComparison.Ordinal) ? "reuse refused" : again.Message);
            return 0;
        }

        Asyncio.Run(Main());
        Assert.Equal(["Sleep Created", "Completed", "reuse refused"], log);
    }

    [Fact]
    public void A_cancellation_thrown_into_Sleep_zero_can_be_caught_and_the_task_finishes_normally()
    {
        async Coroutine<int> Child()
        {
            try
            {
                await Asyncio.Sleep(0);
                return 0;
            }
            catch (CancelledError)
            {
                return 1;
            }
        }

        async Coroutine<(int, bool, long)> Main()
        {
            var loop = Loop.GetRunningLoop();
            var child = Asyncio.CreateTask(Child());
            await Asyncio.Sleep(0);
            var start = loop.Iteration;
            child.Cancel();
            var result = await child;
            return (result, child.Cancelled, loop.Iteration - start);
        }

        // CPython: the task is not waiting on a future, so its next step throws CancelledError into the coroutine;
        // the coroutine returns 1 and the task ends with that result one iteration later.
        Assert.Equal((1, false, 2L), Asyncio.Run(Main()));
    }

    [Fact]
    public void A_cancelled_timed_Sleep_raises_in_the_sleeper_and_its_timer_no_longer_holds_the_clock()
    {
        async Coroutine<string> Sleeper()
        {
            try
            {
                await Asyncio.Sleep(100);
                return "slept";
            }
            catch (CancelledError error)
            {
                return "cancelled: " + error.Message;
            }
        }

        async Coroutine<(string, double)> Main()
        {
            var loop = Loop.GetRunningLoop();
            var sleeper = Asyncio.CreateTask(Sleeper());
            await Asyncio.Sleep(1);
            sleeper.Cancel("stop");
            var outcome = await sleeper;
            await Asyncio.Sleep(0);
            return (outcome, loop.Time);
        }

        Assert.Equal(("cancelled: stop", 1.0), Asyncio.Run(Main()));
    }

    [Fact]
    public void Asking_another_thread_for_a_sleeping_task_s_future_is_refused_and_the_sleep_runs_out_as_before()
    {
        // The future a sleeping task waits on is made when first asked for (see SleepCoroutine): made on another
        // thread it would race with the timer, so it is refused there, and the sleep is left as it was.
        async Coroutine<string> Sleeper()
        {
            await Asyncio.Sleep(2);
            return "slept";
        }

        async Coroutine<(string, string, double, bool)> Main()
        {
            var loop = Loop.GetRunningLoop();
            var sleeper = Asyncio.CreateTask(Sleeper());
            await Asyncio.Sleep(0);
            var refusal = WaitingOnAskedFromAnotherThread(sleeper);
            var outcome = await sleeper;
            return (refusal, outcome, loop.Time, sleeper.WaitingOn is null);
        }

        var (refusal, outcome, time, waitsOnNothing) = Asyncio.Run(Main());
        Assert.Equal(nameof(InvalidOperationException), refusal);
        Assert.Equal(("slept", 2.0, true), (outcome, time, waitsOnNothing));
    }

    [Fact]
    public void Asking_another_thread_for_a_waiting_acquire_s_future_is_refused_and_the_release_wakes_the_task_as_before()
    {
        // As a sleep's: the future a task waiting for a lock waits on is made when first asked for (see
        // AcquireCoroutine), on the loop's thread only, where it cannot race with the release that wakes the task.
        async Coroutine<string> Waiter(AsyncLock lockToTake)
        {
            using (await lockToTake.Acquire())
            {
                return "acquired";
            }
        }

        async Coroutine<(string, string, bool, bool)> Main()
        {
            var lockToTake = new AsyncLock();
            await lockToTake.Acquire();
            var waiter = Asyncio.CreateTask(Waiter(lockToTake));
            await Asyncio.Sleep(0);
            var refusal = WaitingOnAskedFromAnotherThread(waiter);
            lockToTake.Release();
            var outcome = await waiter;
            return (refusal, outcome, lockToTake.Locked, waiter.WaitingOn is null);
        }

        var (refusal, outcome, locked, waitsOnNothing) = Asyncio.Run(Main());
        Assert.Equal(nameof(InvalidOperationException), refusal);
        Assert.Equal(("acquired", false, true), (outcome, locked, waitsOnNothing));
    }

    /// <summary>Reads <paramref name="task"/>'s <c>WaitingOn</c> on another thread; the type of what it threw, or "none".</summary>
    private static string WaitingOnAskedFromAnotherThread(LoopTask task)
    {
        Exception? thrown = null;
        var thread = new Thread(() => thrown = Record.Exception(() => task.WaitingOn));
        thread.Start();
        thread.Join();
        return thrown?.GetType().Name ?? "none";
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_delay_is_refused_when_the_sleep_runs_not_when_it_is_made(double seconds)
    {
        async Coroutine<string> Main()
        {
            var sleep = Asyncio.Sleep(seconds);
            try
            {
                await sleep;
                return "slept";
            }
            catch (ArgumentOutOfRangeException)
            {
                return $"refused, {sleep.State}";
            }
        }

        Assert.Equal("refused, Completed", Asyncio.Run(Main()));
    }

    [Fact]
    public void Sleep_of_a_negative_delay_is_one_bare_yield()
    {
        async Coroutine<long> Main()
        {
            var loop = Loop.GetRunningLoop();
            var start = loop.Iteration;
            await Asyncio.Sleep(-5);
            return loop.Iteration - start;
        }

        Assert.Equal(1L, Asyncio.Run(Main()));
    }

    [Fact]
    public void After_a_Sleep_the_next_awaited_coroutine_links_to_the_coroutine_that_awaits_it()
    {
        var seen = new List<string>();
        Coroutine<int>? outer = null;
        Coroutine<int>? inner = null;

        async Coroutine<int> Inner()
        {
            await Asyncio.Sleep(0);
            await Asyncio.Sleep(0.5);
            seen.Add($"inner's caller is outer: {inner!.Caller == outer}, outer awaits inner: {outer!.Awaiting == inner}");
            return 1;
        }

        async Coroutine<int> Outer()
        {
            await Asyncio.Sleep(0);
            inner = Inner();
            var result = await inner;
            seen.Add($"outer awaits nothing: {outer!.Awaiting is null}");
            return result;
        }

        async Coroutine<int> Main()
        {
            outer = Outer();
            return await outer;
        }

        Assert.Equal(1, Asyncio.Run(Main()));
        Assert.Equal(
            ["inner's caller is outer: True, outer awaits inner: True", "outer awaits nothing: True"],
            seen);
    }

    [Fact]
    public void Removing_the_first_done_callback_keeps_the_order_of_the_others()
    {
        var log = new List<string>();

        async Coroutine<int> Main()
        {
            var loop = Loop.GetRunningLoop();
            var future = loop.CreateFuture<int>();
            Action<Future> a = _ => log.Add("a");
            Action<Future> b = _ => log.Add("b");
            Action<Future> c = _ => log.Add("c");
            future.AddDoneCallback(a);
            future.AddDoneCallback(b);
            future.AddDoneCallback(a);
            log.Add($"removed {future.RemoveDoneCallback(a)}");
            future.AddDoneCallback(c);
            future.AddDoneCallback(a);
            future.SetResult(1);
            await Asyncio.Sleep(0);
            return 0;
        }

        Asyncio.Run(Main());
        Assert.Equal(["removed 2", "b", "c", "a"], log);
    }

    [Fact]
    public void Gather_runs_an_argument_given_twice_once_whatever_came_before_it()
    {
        var runs = 0;

        async Coroutine<int> Work()
        {
            runs++;
            await Asyncio.Sleep(0);
            return 5;
        }

        async Coroutine<(object?[], int[])> Main()
        {
            var future = Loop.GetRunningLoop().CreateFuture<int>();
            future.SetResult(7);
            var first = Work();
            var second = Work();
            var mixed = await Asyncio.Gather(first, second, future, first, future, second);
            var typed = Work();
            return (mixed, await Asyncio.Gather(typed, typed));
        }

        var (mixed, typed) = Asyncio.Run(Main());
        Assert.Equal([5, 5, 7, 5, 7, 5], mixed);
        Assert.Equal([5, 5], typed);
        Assert.Equal(3, runs);
    }

    [Fact]
    public void Never_awaited_coroutines_are_reported_in_creation_order_however_many_were_claimed_between()
    {
        // Each left-over coroutine is followed by claimed ones, some built before the previous one is awaited, so
        // the registry fills, compacts and grows between them.
        async Coroutine<int> Main()
        {
            var total = 0;
            foreach (var leftOver in new Func<Coroutine>[] { Third, First, Second, Third })
            {
                _ = leftOver();
                var pending = Claimed(0);
                for (var i = 1; i < 100; i++)
                {
                    var next = Claimed(i);
                    total += await pending;
                    pending = next;
                }

                total += await pending;
            }

            return total;
        }

        using var warnings = Warnings.Catch();
        Assert.Equal(4 * 4950, Asyncio.Run(Main()));
        Assert.Equal(
            ["Third", "First", "Second", "Third"],
            warnings.Select(w => w.Subject));
        Assert.All(warnings, w => Assert.Equal($"coroutine '{w.Subject}' was never awaited", w.Message));
    }

    [Fact]
    public void A_done_callback_that_throws_is_reported_by_name_with_a_handle_on_its_future()
    {
        using var loop = new Loop();
        ExceptionContext? report = null;
        loop.SetExceptionHandler((_, context) => report = context);
        var future = loop.CreateFuture<int>();
        future.AddDoneCallback(Explode);
        future.SetResult(1);
        loop.CallSoon(loop.Stop);
        loop.RunForever();

        Assert.NotNull(report);
        Assert.Equal("Exception in callback Explode", report.Message);
        Assert.IsType<InvalidOperationException>(report.Exception);
        var handle = Assert.IsType<Handle>(report.Source);
        Assert.Same(future, handle.Subject);
        Assert.Equal(nameof(Explode), handle.CallbackName);
    }

    private static void Explode(Future future) => throw new InvalidOperationException("boom");

#pragma warning disable CS1998 // These coroutines only need to exist (methods, not local functions, for their names).
    private static async Coroutine<int> Claimed(int number) => number;

    private static async Coroutine First()
    {
    }

    private static async Coroutine Second()
    {
    }

    private static async Coroutine Third()
    {
    }
#pragma warning restore CS1998
}
