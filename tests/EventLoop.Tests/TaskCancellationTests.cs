namespace EventLoop.Tests;

/// <summary>Cancellation delivery, checked against CPython 3.11 on vloop (the expected string is its output).</summary>
public sealed class TaskCancellationTests
{
    private readonly List<string> _log = [];

    private static long Iteration => Loop.GetRunningLoop().Iteration;

    [Fact]
    public void Cancellation_is_delivered_at_the_current_await_and_behaves_as_in_CPython()
    {
        Asyncio.Run(Main());
        Assert.Equal(
            "cancel=True cancelling=1 | caught:msg@5 | result=went on cancelled=False unc=0 | n:CancelledError()@10 | "
            + "after-self@11 | s:self@13 | again:CancelledError() | done-cancel=False | cancelling=2 | caught:a@19 | t2 done=False",
            string.Join(" | ", _log));
    }

    [Fact]
    public void Cancellation_is_an_OperationCanceledException()
    {
        async Coroutine Main()
        {
            var task = Asyncio.CreateTask(Asyncio.Sleep(10));
            await Asyncio.Sleep(1);
            task.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await task);
        }

        Asyncio.Run(Main());
    }

    [Fact]
    public void A_plain_OperationCanceledException_from_the_coroutine_cancels_the_task()
    {
        async Coroutine Thrower()
        {
            await Asyncio.Sleep(0);
            throw new OperationCanceledException("token fired");
        }

        async Coroutine<string> Main()
        {
            var task = Asyncio.CreateTask(Thrower());
            try
            {
                await task;
                return "no";
            }
            catch (CancelledError error)
            {
                return $"{task.Cancelled}:{error.Message}";
            }
        }

        Assert.Equal("True:token fired", Asyncio.Run(Main()));
    }

    [Fact]
    public void Names_default_to_Task_N_per_loop_and_can_be_changed()
    {
        async Coroutine<string> Main()
        {
            var a = Asyncio.CreateTask(Asyncio.Sleep(0));
            var b = Asyncio.CreateTask(Asyncio.Sleep(0), "named");
            b.Name = "renamed";
            await Asyncio.Gather(a, b);
            return $"{Asyncio.CurrentTask()!.Name} {a.Name} {b.Name}";
        }

        Assert.Equal("Task-1 Task-2 renamed", Asyncio.Run(Main()));
        Assert.Equal("Task-1 Task-2 renamed", Asyncio.Run(Main()));
    }

    [Fact]
    public void A_task_named_through_Asyncio_still_uses_up_a_number_as_in_CPython_but_not_through_the_loop()
    {
        async Coroutine<string> Main()
        {
            var viaAsyncio = Asyncio.CreateTask(Asyncio.Sleep(0), "named");
            var afterIt = Asyncio.CreateTask(Asyncio.Sleep(0));
            var viaLoop = Loop.GetRunningLoop().CreateTask(Asyncio.Sleep(0), "direct");
            var last = Asyncio.CreateTask(Asyncio.Sleep(0));
            await Asyncio.Gather(viaAsyncio, afterIt, viaLoop, last);
            return $"{viaAsyncio.Name} {afterIt.Name} {viaLoop.Name} {last.Name}";
        }

        // CPython 3.11: asyncio.create_task(c, name="named") then create_task(c) gives "named Task-3".
        Assert.Equal("named Task-3 direct Task-4", Asyncio.Run(Main()));
    }

    [Fact]
    public void All_tasks_lists_the_pending_tasks_in_creation_order()
    {
        async Coroutine<string> Main()
        {
            var done = Asyncio.CreateTask(Asyncio.Sleep(0), "done");
            await done;
            _ = Asyncio.CreateTask(Asyncio.Sleep(1), "late");
            _ = Asyncio.CreateTask(Asyncio.Sleep(1), "early");
            return string.Join(",", Asyncio.AllTasks().Select(t => t.Name));
        }

        Assert.Equal("Task-1,late,early", Asyncio.Run(Main()));
    }

    [Fact]
    public void The_runner_cancels_leftover_tasks_in_creation_order_and_lets_them_clean_up()
    {
        async Coroutine Leftover(string name)
        {
            try
            {
                await Asyncio.Sleep(100);
            }
            catch (CancelledError)
            {
                _log.Add($"{name} cancelled at {Loop.GetRunningLoop().Time}");
                await Asyncio.Sleep(1);
                _log.Add($"{name} cleaned up at {Loop.GetRunningLoop().Time}");
                throw;
            }
        }

        async Coroutine Main()
        {
            _ = Asyncio.CreateTask(Leftover("b"), "b");
            _ = Asyncio.CreateTask(Leftover("a"), "a");
            await Asyncio.Sleep(0);
        }

        Asyncio.Run(Main());
        Assert.Equal(["b cancelled at 0", "a cancelled at 0", "b cleaned up at 1", "a cleaned up at 1"], _log);
    }

    [Fact]
    public void A_task_exception_never_retrieved_is_reported_when_the_loop_closes()
    {
        var reports = new List<ExceptionContext>();

        async Coroutine Fails()
        {
            await Asyncio.Sleep(0);
            throw new InvalidOperationException("lost");
        }

        async Coroutine Main()
        {
            Loop.GetRunningLoop().SetExceptionHandler((_, c) => reports.Add(c));
            _ = Asyncio.CreateTask(Fails(), "failing");
            await Asyncio.Sleep(1);
        }

        Asyncio.Run(Main());
        var report = Assert.Single(reports);
        Assert.Equal("Task exception was never retrieved", report.Message);
        Assert.Equal("failing", ((LoopTask)report.Source!).Name);
    }

    private async Coroutine<string> Catcher()
    {
        try
        {
            await Asyncio.Sleep(10);
        }
        catch (CancelledError e)
        {
            _log.Add($"caught:{e.Message}@{Iteration}");
        }

        await Asyncio.Sleep(1);
        return "went on";
    }

    private async Coroutine NeverStarted()
    {
        _log.Add("never");
        await Asyncio.Sleep(0);
    }

    private async Coroutine SelfCancel()
    {
        Asyncio.CurrentTask()!.Cancel("self");
        _log.Add($"after-self@{Iteration}");
        await Asyncio.Sleep(0);
        _log.Add("not reached");
    }

    private static string Repr(CancelledError e) => e.Message.Length == 0 ? "CancelledError()" : $"CancelledError('{e.Message}')";

    private async Coroutine Main()
    {
        var t = Asyncio.CreateTask(Catcher());
        await Asyncio.Sleep(1);
        _log.Add($"cancel={t.Cancel("msg")} cancelling={t.Cancelling()}");
        _log.Add($"result={await t} cancelled={t.Cancelled} unc={t.Uncancel()}");

        var n = Asyncio.CreateTask(NeverStarted());
        n.Cancel();
        try
        {
            await n;
        }
        catch (CancelledError e)
        {
            _log.Add($"n:{Repr(e)}@{Iteration}");
        }

        var s = Asyncio.CreateTask(SelfCancel());
        try
        {
            await s;
        }
        catch (CancelledError e)
        {
            _log.Add($"s:{e.Message}@{Iteration}");
        }

        try
        {
            s.Result();
        }
        catch (CancelledError e)
        {
            _log.Add($"again:{Repr(e)}");
        }

        var d = Asyncio.CreateTask(Asyncio.Sleep(1));
        await d;
        _log.Add($"done-cancel={d.Cancel()}");

        var t2 = Asyncio.CreateTask(Catcher());
        await Asyncio.Sleep(0);
        t2.Cancel("a");
        t2.Cancel("b");
        _log.Add($"cancelling={t2.Cancelling()}");
        await Asyncio.Sleep(0);
        _log.Add($"t2 done={t2.Done}");
        await t2;
    }
}
