using System.Collections;

namespace EventLoop.Tests;

public sealed class IteratorCoroutineTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void An_iterator_yields_sleeps_delegates_to_iterators_and_returns_a_value()
    {
        var result = Asyncio.Run(Coroutine.FromIterator<int>(Outer()));
        Assert.Equal(42, result);
        Assert.Equal(["outer@0", "inner@0", "inner slept@1", "sub=41", "outer done@1.5"], _log);
    }

    [Fact]
    public void An_iterator_coroutine_can_be_awaited_and_wrapped_in_a_task()
    {
        async Coroutine<int> Main()
        {
            var direct = await Coroutine.FromIterator<int>(Inner());
            var task = Asyncio.CreateTask(Coroutine.FromIterator<int>(Inner()));
            return direct + await task;
        }

        Assert.Equal(82, Asyncio.Run(Main()));
    }

    [Fact]
    public void A_bare_yield_gives_up_exactly_one_iteration()
    {
        IEnumerable Yielder()
        {
            _log.Add($"a@{Loop.GetRunningLoop().Iteration}");
            yield return null;
            _log.Add($"b@{Loop.GetRunningLoop().Iteration}");
        }

        Asyncio.Run(Coroutine.FromIterator(Yielder()));
        Assert.Equal(["a@1", "b@2"], _log);
    }

    [Fact]
    public void An_iterator_waits_for_futures_and_tasks()
    {
        IEnumerable Waiter(Future<int> future)
        {
            yield return future;
            _log.Add($"future={future.Result()}@{Loop.GetRunningLoop().Time}");
            var task = Asyncio.CreateTask(Asyncio.Sleep(1, "slept"));
            yield return task;
            yield return Coroutine.Return(task.Result());
        }

        async Coroutine<string> Main()
        {
            var loop = Loop.GetRunningLoop();
            var future = loop.CreateFuture<int>();
            loop.CallLater(2, () => future.SetResult(5));
            return await Coroutine.FromIterator<string>(Waiter(future));
        }

        Assert.Equal("slept", Asyncio.Run(Main()));
        Assert.Equal(["future=5@2"], _log);
    }

    [Fact]
    public void Cancelling_an_iterator_task_disposes_the_iterator_so_its_finally_blocks_run()
    {
        IEnumerable Worker()
        {
            try
            {
                yield return Asyncio.Sleep(10);
                _log.Add("not reached");
            }
            finally
            {
                _log.Add($"finally@{Loop.GetRunningLoop().Time}");
            }
        }

        async Coroutine Main()
        {
            var task = Asyncio.CreateTask(Coroutine.FromIterator(Worker()));
            await Asyncio.Sleep(1);
            task.Cancel();
            await Assert.ThrowsAsync<CancelledError>(async () => await task);
        }

        Asyncio.Run(Main());
        Assert.Equal(["finally@1"], _log);
    }

    [Fact]
    public void Yielding_something_that_is_not_awaitable_is_an_error_that_names_the_iterator()
    {
        IEnumerable Bad()
        {
            yield return 42;
        }

        var error = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(Coroutine.FromIterator(Bad())));
        Assert.Contains("iterator coroutine 'Bad' yielded Int32", error.Message);
    }

    private IEnumerable Inner()
    {
        _log.Add($"inner@{Loop.GetRunningLoop().Time}");
        yield return Asyncio.Sleep(1);
        _log.Add($"inner slept@{Loop.GetRunningLoop().Time}");
        yield return Coroutine.Return(41);
    }

    private IEnumerable Outer()
    {
        _log.Add($"outer@{Loop.GetRunningLoop().Time}");
        var sub = Coroutine.FromIterator<int>(Inner());
        yield return sub;
        _log.Add($"sub={sub.Result}");
        yield return Asyncio.Sleep(0.5);
        _log.Add($"outer done@{Loop.GetRunningLoop().Time}");
        yield return Coroutine.Return(sub.Result + 1);
    }
}
