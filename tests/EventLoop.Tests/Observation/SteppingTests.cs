namespace EventLoop.Tests.Observation;

/// <summary>Driving a loop by hand: one callback, one iteration, until idle, up to a time.</summary>
public sealed class SteppingTests
{
    [Fact]
    public void One_callback_at_a_time_keeps_the_iteration_boundaries()
    {
        using var loop = new Loop();
        var log = new List<string>();
        loop.CallSoon(() => { log.Add("a"); loop.CallSoon(() => log.Add("c")); });
        loop.CallSoon(() => log.Add("b"));
        var stepper = new LoopStepper(loop);

        Assert.True(stepper.RunCallback());
        Assert.Equal(["a"], log);
        Assert.True(stepper.InIteration);
        Assert.Equal(1, stepper.RemainingInIteration);
        Assert.Equal(1, loop.Iteration);

        Assert.True(stepper.RunCallback());
        Assert.Equal(["a", "b"], log);
        Assert.False(stepper.InIteration);

        Assert.True(stepper.RunCallback());
        Assert.Equal(["a", "b", "c"], log);
        Assert.Equal(2, loop.Iteration);
        Assert.True(stepper.IsIdle);
        Assert.False(stepper.RunCallback());
        Assert.False(stepper.RunIteration());
    }

    [Fact]
    public void Stepping_to_the_end_gives_the_same_trace_as_running()
    {
        var run = new TraceRecorder();
        using (TraceCapture.Start(run))
        using (var loop = new Loop())
        {
            loop.RunUntilComplete(Scenario());
        }

        var stepped = new TraceRecorder();
        using (var loop = new Loop())
        {
            loop.AddInstrument(stepped);
            var task = loop.CreateTask(Scenario());
            var stepper = new LoopStepper(loop);
            while (!task.Done)
            {
                stepper.RunCallback();
            }

            stepper.RunIteration();
        }

        var expected = TraceText.FormatLikeVloop(run.Events.Where(e => e.TaskName != "Task-1" || e.Detail != "StopWhenDone"));
        Assert.Contains("it=3   t=1.000 wakeup   Task-1", expected);
        Assert.Equal(expected, TraceText.FormatLikeVloop(stepped.Events));
    }

    [Fact]
    public void Advancing_the_clock_fires_what_is_due_and_stops_there()
    {
        using var loop = new Loop();
        var fired = new List<double>();
        loop.CallLater(1, () => fired.Add(loop.Time));
        loop.CallLater(2, () => fired.Add(loop.Time));
        loop.CallLater(3, () => fired.Add(loop.Time));
        var stepper = new LoopStepper(loop);

        stepper.AdvanceTo(2);
        Assert.Equal([1.0, 2.0], fired);
        Assert.Equal(2.0, loop.Time);

        stepper.AdvanceBy(0.5);
        Assert.Equal(2.5, loop.Time);
        Assert.Equal([1.0, 2.0], fired);
        Assert.Throws<ArgumentOutOfRangeException>(() => stepper.AdvanceTo(1));

        Assert.Equal(0, stepper.RunUntilIdle());
        Assert.True(stepper.RunIteration());
        Assert.Equal([1.0, 2.0, 3.0], fired);
    }

    [Fact]
    public void A_running_loop_cannot_be_stepped()
    {
        using var loop = new Loop();
        Exception? error = null;
        loop.CallSoon(() => error = Record.Exception(() => new LoopStepper(loop).RunCallback()));
        loop.CallSoon(loop.Stop);
        loop.RunForever();
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("already running", error.Message);
    }

    [Fact]
    public void Coroutines_see_the_loop_running_while_stepped()
    {
        using var loop = new Loop();
        var task = loop.CreateTask(Scenario());
        new LoopStepper(loop).AdvanceBy(10);
        Assert.Equal(3, task.Result());
        Assert.False(loop.IsRunning);
        Assert.Null(Loop.Running);
    }

    private static async Coroutine<int> Scenario()
    {
        await Asyncio.Sleep(1);
        await Asyncio.Sleep(0);
        return Loop.GetRunningLoop().AllTasks().Count + 2;
    }
}
