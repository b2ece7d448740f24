namespace EventLoop.Tests.Observation;

/// <summary>Task states, await chains and task dumps read between steps.</summary>
public sealed class InspectionTests
{
    [Fact]
    public void A_task_is_pending_then_waiting_on_its_sleep_with_its_await_chain()
    {
        using var loop = new Loop();
        var task = loop.CreateTask(Outer(), "worker");
        var stepper = new LoopStepper(loop);

        Assert.Equal(LoopTaskState.Pending, task.Inspect().State);
        Assert.Equal([CoroutineState.Created], task.Inspect().AwaitChain.Select(f => f.State));

        stepper.RunIteration();
        var info = task.Inspect();
        Assert.Equal(LoopTaskState.Waiting, info.State);
        Assert.Equal(WaitKind.Sleep, info.Wait);
        Assert.Equal("sleep until t=2.000", info.WaitingOn);
        Assert.Equal(["Outer", "Middle", "Sleep"], info.AwaitChain.Select(f => f.Name));
        Assert.All(info.AwaitChain, f => Assert.Equal(CoroutineState.Suspended, f.State));
        Assert.Equal(["Outer", "Middle", "Sleep"], task.GetStack().Select(c => c.Name));
        Assert.Equal(
            "worker: waiting on sleep until t=2.000\n    Outer [suspended]\n    Middle [suspended]\n    Sleep [suspended]\n",
            loop.DumpTasks());

        stepper.AdvanceTo(1.5);
        Assert.Equal(LoopTaskState.Waiting, task.Inspect().State);
        stepper.RunCallback();
        Assert.Equal(2.0, loop.Time);
        Assert.Equal((LoopTaskState.Ready, WaitKind.Sleep, "sleep (over)"), Summary(task.Inspect()));

        stepper.AdvanceTo(2.0);
        info = task.Inspect();
        Assert.Equal(LoopTaskState.Completed, info.State);
        Assert.Equal("result=7", info.Outcome);
        Assert.Empty(task.GetStack());
        Assert.Equal("(no tasks)\n", loop.DumpTasks());
    }

    [Fact]
    public void A_task_that_yielded_is_ready_and_one_awaiting_a_task_waits_on_it()
    {
        using var loop = new Loop();
        var yielder = loop.CreateTask(YieldOnce(), "yielder");
        var awaiter = loop.CreateTask(AwaitTask(yielder), "awaiter");
        var stepper = new LoopStepper(loop);
        stepper.RunIteration();

        Assert.Equal((LoopTaskState.Ready, WaitKind.Yield, "yield"), Summary(yielder.Inspect()));
        Assert.Equal((LoopTaskState.Waiting, WaitKind.Task, "task yielder"), Summary(awaiter.Inspect()));

        stepper.RunIteration();
        Assert.Equal(LoopTaskState.Completed, yielder.Inspect().State);
        Assert.Equal((LoopTaskState.Ready, WaitKind.Task, "task yielder"), Summary(awaiter.Inspect()));
    }

    [Fact]
    public void Failed_and_cancelled_tasks_say_how_they_ended()
    {
        using var loop = new Loop();
        var failing = loop.CreateTask(Fail(), "failing");
        var cancelled = loop.CreateTask(Outer(), "cancelled");
        var stepper = new LoopStepper(loop);
        stepper.RunIteration();
        cancelled.Cancel();
        stepper.RunUntilIdle();

        Assert.Equal((LoopTaskState.Failed, "with ArgumentException: bad"), (failing.Inspect().State, failing.Inspect().Outcome));
        Assert.Equal(LoopTaskState.Cancelled, cancelled.Inspect().State);
        Assert.Equal(
            "failing: failed with ArgumentException: bad\ncancelled: cancelled\n",
            TaskInspection.DumpTasks([failing, cancelled]));
        failing.Exception();
    }

    [Fact]
    public void The_running_task_sees_itself_running()
    {
        LoopTaskState? seen = null;
        Asyncio.Run(Check());
        Assert.Equal(LoopTaskState.Running, seen);

        async Coroutine Check()
        {
            seen = Asyncio.CurrentTask()!.Inspect().State;
            await Asyncio.Sleep(0);
        }
    }

    [Fact]
    public void Print_stack_writes_the_chain_outermost_first()
    {
        using var loop = new Loop();
        var task = loop.CreateTask(Outer(), "worker");
        new LoopStepper(loop).RunIteration();
        var text = new StringWriter();
        task.PrintStack(text);
        Assert.Equal("worker: waiting on sleep until t=2.000\n    Outer [suspended]\n    Middle [suspended]\n    Sleep [suspended]\n", text.ToString());
    }

    private static (LoopTaskState, WaitKind, string) Summary(TaskInfo info) => (info.State, info.Wait, info.WaitingOn);

    private static async Coroutine Middle() => await Asyncio.Sleep(2);

    private static async Coroutine<int> Outer()
    {
        await Middle();
        return 7;
    }

    private static async Coroutine YieldOnce() => await Asyncio.Sleep(0);

    private static async Coroutine AwaitTask(LoopTask task) => await task;

    private static async Coroutine Fail()
    {
        await Asyncio.Sleep(0);
        throw new ArgumentException("bad");
    }
}
