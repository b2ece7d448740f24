namespace EventLoop.Tests;

public sealed class CoroutineTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void Calling_a_coroutine_method_runs_nothing_until_it_is_awaited()
    {
        var coroutine = Record("body ran");
        Assert.Equal(CoroutineState.Created, coroutine.State);
        Assert.Empty(_log);
        coroutine.Close();
    }

    [Fact]
    public void States_go_Created_Running_Suspended_Running_Completed()
    {
        var states = new List<CoroutineState>();
        Coroutine? observed = null;

        async Coroutine Observed()
        {
            states.Add(observed!.State);
            await Asyncio.Sleep(1);
            states.Add(observed.State);
        }

        async Coroutine Watcher()
        {
            await Asyncio.Sleep(0);
            states.Add(observed!.State);
        }

        async Coroutine Main()
        {
            observed = Observed();
            states.Add(observed.State);
            var task = Asyncio.CreateTask(observed);
            _ = Asyncio.CreateTask(Watcher());
            await task;
            states.Add(observed.State);
        }

        Asyncio.Run(Main());
        Assert.Equal(
            [CoroutineState.Created, CoroutineState.Running, CoroutineState.Suspended, CoroutineState.Running, CoroutineState.Completed],
            states);
    }

    [Fact]
    public void The_callers_of_a_suspended_chain_are_Suspended_and_Running_again_once_it_resumes()
    {
        var states = new List<string>();
        Coroutine? outer = null, middle = null, inner = null;

        string Chain() => $"{outer!.State} {middle!.State} {inner!.State}";

        async Coroutine Inner()
        {
            states.Add(Chain());
            await Asyncio.Sleep(1);
            states.Add(Chain());
        }

        async Coroutine Middle()
        {
            inner = Inner();
            await inner;
            states.Add(Chain());
        }

        async Coroutine Outer()
        {
            middle = Middle();
            await middle;
        }

        async Coroutine Watcher()
        {
            await Asyncio.Sleep(0);
            states.Add(Chain());
            Assert.Equal(["Inner", "Middle", "Outer"], ((LoopTask)inner!.Driver!).GetStack().Select(frame => frame.Name));
        }

        async Coroutine Main()
        {
            outer = Outer();
            var task = Asyncio.CreateTask(outer);
            _ = Asyncio.CreateTask(Watcher());
            await task;
            states.Add(Chain());
        }

        Asyncio.Run(Main());
        Assert.Equal(
            [
                "Running Running Running",
                "Suspended Suspended Suspended",
                "Running Running Running",
                "Running Running Completed",
                "Completed Completed Completed",
            ],
            states);
    }

    [Fact]
    public void A_chain_that_suspended_before_a_trace_began_is_traced_resuming_outermost_first()
    {
        var recorder = new TraceRecorder();

        async Coroutine Inner() => await Asyncio.Sleep(1);

        async Coroutine Outer() => await Inner();

        async Coroutine Watcher()
        {
            await Asyncio.Sleep(0);
            Loop.GetRunningLoop().AddInstrument(recorder);
        }

        async Coroutine Main()
        {
            var task = Asyncio.CreateTask(Outer());
            _ = Asyncio.CreateTask(Watcher());
            await task;
        }

        Asyncio.Run(Main());
        var resumed = recorder.Events.Where(e => e.Kind == TraceEventKind.CoroutineStateChanged && e.Detail.EndsWith("Suspended -> Running", StringComparison.Ordinal))
            .Select(e => e.Detail).ToList();
        Assert.Equal(["Outer: Suspended -> Running", "Inner: Suspended -> Running", "Sleep: Suspended -> Running", "Main: Suspended -> Running"], resumed);
    }

    [Fact]
    public void Awaiting_a_coroutine_runs_it_inline_without_a_loop_iteration()
    {
        long before = 0, after = 0;

        async Coroutine Main()
        {
            before = Loop.GetRunningLoop().Iteration;
            await Record("child");
            after = Loop.GetRunningLoop().Iteration;
        }

        Asyncio.Run(Main());
        Assert.Equal(["child"], _log);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Awaiting_a_coroutine_twice_is_an_error_that_names_it()
    {
        async Coroutine Main()
        {
            var coroutine = Record("once");
            await coroutine;
            var error = Assert.Throws<InvalidOperationException>(() => coroutine.GetAwaiter());
            Assert.Equal("cannot reuse already awaited coroutine 'Record': cannot await it; call the coroutine method again for a new coroutine.", error.Message);
        }

        Asyncio.Run(Main());
    }

    [Fact]
    public void Awaiting_a_coroutine_from_two_places_is_an_error_that_names_it()
    {
        async Coroutine<string> Main()
        {
            var shared = Asyncio.Sleep(1, "x");

            async Coroutine<string> First() => await shared;

            var first = Asyncio.CreateTask(First());
            await Asyncio.Sleep(0);
            var error = Assert.Throws<InvalidOperationException>(() => shared.GetAwaiter());
            await first;
            return error.Message;
        }

        Assert.Equal(
            "coroutine 'Sleep' is being awaited already: cannot await it; await the task that runs it, or call the method again.",
            Asyncio.Run(Main()));
    }

    [Fact]
    public void Wrapping_an_awaited_coroutine_in_a_task_is_an_error_that_names_it()
    {
        async Coroutine<string> Main()
        {
            var coroutine = Record("once");
            await coroutine;
            return Assert.Throws<InvalidOperationException>(() => Asyncio.CreateTask(coroutine)).Message;
        }

        Assert.Equal(
            "cannot reuse already awaited coroutine 'Record': cannot wrap it in task 'Task-2'; call the coroutine method again for a new coroutine.",
            Asyncio.Run(Main()));
    }

    [Fact]
    public void A_task_awaiting_itself_is_an_error_that_names_it()
    {
        async Coroutine<string> Main()
        {
            try
            {
                await Asyncio.CurrentTask()!;
                return "no error";
            }
            catch (InvalidOperationException error)
            {
                return error.Message;
            }
        }

        Assert.Equal("Task 'Task-1' cannot await itself.", Asyncio.Run(Main()));
    }

    [Fact]
    public void A_coroutine_given_to_a_task_cannot_be_awaited_or_given_to_another_task()
    {
        async Coroutine Main()
        {
            var coroutine = Record("task");
            var task = Asyncio.CreateTask(coroutine, "owner");
            Assert.Contains("already belongs to a task", Assert.Throws<InvalidOperationException>(() => coroutine.GetAwaiter()).Message);
            Assert.Contains("cannot wrap it in task 'Task-3'", Assert.Throws<InvalidOperationException>(() => Asyncio.CreateTask(coroutine)).Message);
            await task;
        }

        Asyncio.Run(Main());
    }

    [Fact]
    public void A_coroutine_never_awaited_is_reported_once_when_the_loop_closes()
    {
        using var warnings = Warnings.Catch();

        async Coroutine Main()
        {
            _ = Record("never");
            await Asyncio.Sleep(0);
        }

        Asyncio.Run(Main());
        var warning = Assert.Single(warnings);
        Assert.Equal("coroutine 'Record' was never awaited", warning.Message);
        Assert.Equal("RuntimeWarning: coroutine 'Record' was never awaited", warning.ToString());
    }

    [Fact]
    public void A_closed_coroutine_is_not_reported()
    {
        using var warnings = Warnings.Catch();
        Record("closed").Close();
        Asyncio.Run(Record("main"));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Plain_async_code_that_awaits_a_coroutine_runs_it_in_a_task_of_its_own()
    {
        using var loop = new Loop();
        var tasks = new List<string>();

        async Coroutine<int> Child()
        {
            tasks.Add(Asyncio.CurrentTask()!.Name);
            await Asyncio.Sleep(1);
            return 3;
        }

        var result = 0;
        loop.RunUntilComplete(async () => result = await Child());
        Assert.Equal(3, result);
        Assert.Equal(["Task-2"], tasks);
        Assert.Equal(1, loop.Time);
    }

    [Fact]
    public void Exceptions_propagate_through_the_await_chain_and_finally_blocks_run_innermost_first()
    {
        async Coroutine Inner()
        {
            try
            {
                await Asyncio.Sleep(1);
                throw new InvalidOperationException("inner failed");
            }
            finally
            {
                _log.Add("inner finally");
            }
        }

        async Coroutine Outer()
        {
            try
            {
                await Inner();
            }
            finally
            {
                _log.Add("outer finally");
            }
        }

        var error = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(Outer()));
        Assert.Equal("inner failed", error.Message);
        Assert.Equal(["inner finally", "outer finally"], _log);
    }

    [Fact]
    public void A_deep_suspended_chain_resumes_with_constant_stack()
    {
        static async Coroutine<int> Chain(int depth)
        {
            if (depth == 0)
            {
                await Asyncio.Sleep(0);
                return 0;
            }

            return await Chain(depth - 1) + 1;
        }

        Assert.Equal(900, Asyncio.Run(Chain(900)));
    }

    [Fact]
    public void Starting_a_chain_deeper_than_the_limit_raises_a_catchable_recursion_error()
    {
        static async Coroutine<int> Chain(int depth) => depth == 0 ? 0 : await Chain(depth - 1) + 1;

        var error = Assert.Throws<RecursionException>(() => Asyncio.Run(Chain(Coroutine.MaxDepth + 10)));
        Assert.Contains("maximum coroutine depth exceeded starting 'Chain'", error.Message);
    }

    [Fact]
    public void Local_function_coroutines_are_named_after_the_function()
    {
        async Coroutine FetchSomething() => await Asyncio.Sleep(0);

        var coroutine = FetchSomething();
        Assert.Equal("FetchSomething", coroutine.Name);
        coroutine.Close();
    }

    [Fact]
    public void Async_lambda_coroutines_are_named_after_the_method_they_are_in()
    {
        Func<Coroutine> lambda = async () => await Asyncio.Sleep(0);
        var coroutine = lambda();
        Assert.Equal("lambda in Async_lambda_coroutines_are_named_after_the_method_they_are_in", coroutine.Name);
        coroutine.Close();
    }

    private async Coroutine Record(string entry)
    {
        _log.Add(entry);
        await Task.CompletedTask;
    }
}
