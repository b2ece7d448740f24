namespace EventLoop.Tests.Combinators;

/// <summary>Inputs <see cref="Asyncio.Wait{TFuture}"/>, <see cref="Asyncio.AsCompleted{T}(IEnumerable{IFuture{T}}, double?)"/> and WaitFor refuse, and the order of the sets.</summary>
public sealed class WaitAndAsCompletedTests
{
    private static async Coroutine<string> Work(string name, double delay)
    {
        await Asyncio.Sleep(delay);
        return name;
    }

    private static async Coroutine<Exception?> CatchAsync(Coroutine coroutine)
    {
        try
        {
            await coroutine;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Fact]
    public void Wait_refuses_an_empty_collection_and_an_unknown_return_when()
    {
        async Coroutine<(Exception?, Exception?)> Main()
        {
            var task = Asyncio.CreateTask(Work("a", 1));
            var empty = await CatchAsync(Asyncio.Wait(Array.Empty<LoopTask>()));
            var invalid = await CatchAsync(Asyncio.Wait([task], returnWhen: (ReturnWhen)42));
            await task;
            return (empty, invalid);
        }

        var (empty, invalid) = Asyncio.Run(Main());
        Assert.Contains("empty", Assert.IsType<ArgumentException>(empty).Message);
        Assert.IsType<ArgumentOutOfRangeException>(invalid);
    }

    [Fact]
    public void Wait_sets_enumerate_tasks_in_creation_order_then_other_futures_as_given()
    {
        async Coroutine<string> Main()
        {
            var loop = Loop.GetRunningLoop();
            var first = loop.CreateFuture<string>();
            var second = loop.CreateFuture<string>();
            var a = Asyncio.CreateTask(Work("a", 1));
            var b = Asyncio.CreateTask(Work("b", 1));
            var c = Asyncio.CreateTask(Work("c", 1));
            loop.CallLater(0.5, () => second.SetResult("second"));
            loop.CallLater(0.5, () => first.SetResult("first"));
            var (done, _) = await Asyncio.Wait<Future>([second, c, first, a, b, c]);
            return string.Join(",", done.Select(f => f.Result()));
        }

        Assert.Equal("a,b,c,second,first", Asyncio.Run(Main()));
    }

    [Fact]
    public void AsCompleted_with_await_foreach_throws_the_timeout_and_leaves_the_tasks_running()
    {
        async Coroutine<(List<string>, Exception?, bool)> Main()
        {
            var fast = Asyncio.CreateTask(Work("fast", 1));
            var slow = Asyncio.CreateTask(Work("slow", 5));
            var results = new List<string>();
            Exception? error = null;
            try
            {
                await foreach (var result in Asyncio.AsCompleted([slow, fast], timeout: 2))
                {
                    results.Add(result);
                }
            }
            catch (TimeoutException e)
            {
                error = e;
            }

            var slowStillRunning = !slow.Done;
            await slow;
            return (results, error, slowStillRunning);
        }

        var (results, error, slowStillRunning) = Asyncio.Run(Main());
        Assert.Equal(["fast"], results);
        Assert.IsType<TimeoutException>(error);
        Assert.True(slowStillRunning);
    }

    [Fact]
    public void AsCompleted_wraps_coroutines_in_tasks_in_argument_order()
    {
        async Coroutine<string> Main()
        {
            var results = new List<string>();
            await foreach (var result in Asyncio.AsCompleted([Work("x", 2), Work("y", 1)]))
            {
                results.Add(result);
            }

            return string.Join(",", results);
        }

        Assert.Equal("y,x", Asyncio.Run(Main()));
    }

    [Fact]
    public void AsCompleted_refuses_a_future_type_of_its_own()
    {
        async Coroutine<Exception?> Main()
        {
            var sequence = Asyncio.AsCompleted(new IFuture<int>[] { new NotALoopFuture() });
            try
            {
                foreach (var coroutine in sequence)
                {
                    coroutine.Close();
                }

                return null;
            }
            catch (ArgumentException e)
            {
                return e;
            }
        }

        Assert.Contains("NotALoopFuture", Asyncio.Run(Main())!.Message);
    }

    [Fact]
    public void WaitFor_refuses_a_timeout_that_is_not_a_number()
    {
        async Coroutine<Exception?> Main() => await CatchAsync(Asyncio.WaitFor(Work("a", 1), double.NaN));

        Assert.IsType<ArgumentOutOfRangeException>(Asyncio.Run(Main()));
    }

    [Fact]
    public void Shield_of_a_finished_task_gives_its_outcome_without_suspending()
    {
        async Coroutine<(string, long)> Main()
        {
            var task = Asyncio.CreateTask(Work("done", 0));
            await Asyncio.Wait([task]);
            var before = Loop.GetRunningLoop().Iteration;
            var result = await Asyncio.Shield(task);
            return (result, Loop.GetRunningLoop().Iteration - before);
        }

        Assert.Equal(("done", 0L), Asyncio.Run(Main()));
    }

    private sealed class NotALoopFuture : IFuture<int>
    {
        public int Result() => 0;
    }
}
