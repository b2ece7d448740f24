namespace EventLoop.Tests.Observation;

/// <summary>
/// The events the loop emits for the basic moves of a task. The callbacks each scenario runs (kind, task,
/// iteration, time) are compared with CPython's, recorded by vloop from the scripts in vloop/ of this folder.
/// </summary>
public sealed class TracingTests
{
    [Fact]
    public void Sleep_zero_round_robin()
    {
        var recorder = Record(() => Asyncio.Run(RoundRobinMain()));

        // python3 vloop/round_robin.py
        Assert.Equal(
            """
              it=1   t=0.000 step     Task-1
              it=2   t=0.000 step     A
              it=2   t=0.000 step     B
              it=3   t=0.000 step     A
              it=3   t=0.000 step     B
              it=4   t=0.000 step     A
              it=4   t=0.000 step     B
              it=5   t=0.000 step     A
              it=5   t=0.000 step     B
              it=6   t=0.000 wakeup   Task-1
              it=7   t=0.000 callback Task-1
              it=8   t=0.000 step     Task-4
              it=9   t=0.000 callback Task-4
              it=10  t=0.000 step     Task-5
              it=11  t=0.000 callback Task-5
            """,
            TraceText.FormatLikeVloop(recorder.Events));

        var suspensions = recorder.Events.Where(e => e.Kind == TraceEventKind.TaskSuspended && e.TaskName == "A").ToList();
        Assert.Equal(3, suspensions.Count);
        Assert.All(suspensions, e => Assert.Equal(WaitKind.Yield, e.Wait));
        Assert.Equal([2L, 3L, 4L], suspensions.Select(e => e.Iteration));
        var rescheduled = recorder.Events.Where(e => e.Kind == TraceEventKind.CallbackScheduled && e.TaskName == "B" && e.Detail == "step");
        Assert.Equal(4, rescheduled.Count());
    }

    [Fact]
    public void A_direct_await_of_a_coroutine_takes_no_iteration()
    {
        var recorder = Record(() => Asyncio.Run(DirectAwaitMain()));

        var main = recorder.Events.Where(e => e.TaskName == "Task-1").Select(e => (e.Iteration, TraceText.KindName(e), e.Detail)).ToList();
        Assert.Equal(
            [
                (0L, "task-created", "DirectAwaitMain"),
                (0L, "schedule", "step"),
                (1L, "step", "step"),
                (1L, "coro", "DirectAwaitMain: Created -> Running"),
                (1L, "coro", "AddOne: Created -> Running"),
                (1L, "coro", "AddOne: Running -> Completed"),
                (1L, "coro", "DirectAwaitMain: Running -> Completed"),
                (1L, "schedule", "callback StopWhenDone"),
                (1L, "done", "result=42"),
                (2L, "callback", "StopWhenDone"),
            ],
            main);
    }

    [Fact]
    public void Cancelling_a_suspended_task()
    {
        var recorder = Record(() => Asyncio.Run(CancelMain()));

        // python3 vloop/cancel_suspended.py
        Assert.Equal(
            """
              it=1   t=0.000 step     Task-1
              it=2   t=0.000 step     sleeper
              it=3   t=1.000 timer    -
              it=4   t=1.000 wakeup   Task-1
              it=5   t=1.000 wakeup   sleeper
              it=6   t=1.000 wakeup   Task-1
              it=7   t=1.000 callback Task-1
              it=8   t=1.000 step     Task-3
              it=9   t=1.000 callback Task-3
              it=10  t=1.000 step     Task-4
              it=11  t=1.000 callback Task-4
            """,
            TraceText.FormatLikeVloop(recorder.Events));

        var sleeper = recorder.Events.Where(e => e.TaskName == "sleeper" && e.Iteration >= 4)
            .Select(e => $"it={e.Iteration} {TraceText.KindName(e)} {e.Detail} {e.RelatedTask}".TrimEnd()).ToList();
        Assert.Equal(
            [
                "it=4 cancel msg='stop' Task-1",
                "it=4 schedule wakeup",
                "it=5 wakeup wakeup",
                "it=5 cancel-deliver thrown in at Sleep",
                "it=5 coro Sleeper: Suspended -> Running",
                "it=5 coro Inner: Suspended -> Running",
                "it=5 coro Sleep: Suspended -> Running",
                "it=5 timer-cancel SetResultUnlessCancelled at t=5.000",
                "it=5 coro Sleep: Running -> Completed",
                "it=5 coro Inner: Running -> Completed",
                "it=5 coro Sleeper: Running -> Completed",
                "it=5 cancelled",
            ],
            sleeper);
    }

    [Fact]
    public void A_timer_firing()
    {
        var recorder = Record(() => Asyncio.Run(TimerMain()));

        // python3 vloop/timer.py
        Assert.StartsWith(
            """
              it=1   t=0.000 step     Task-1
              it=2   t=2.000 timer    -
              it=3   t=3.000 timer    -
              it=4   t=3.000 wakeup   Task-1
            """,
            TraceText.FormatLikeVloop(recorder.Events));

        var timeline = recorder.Events.Where(e => e.Kind is TraceEventKind.TimerScheduled or TraceEventKind.ClockAdvanced or TraceEventKind.TimerFired)
            .Select(e => $"it={e.Iteration} t={e.Time:F3} {TraceText.KindName(e)} {e.Detail}").ToList();
        Assert.Equal(
            [
                "it=1 t=0.000 timer-schedule Ring at t=2.000",
                "it=1 t=0.000 timer-schedule SetResultUnlessCancelled at t=3.000",
                "it=2 t=2.000 clock 0.000 -> 2.000",
                "it=2 t=2.000 timer Ring",
                "it=3 t=3.000 clock 2.000 -> 3.000",
                "it=3 t=3.000 timer SetResultUnlessCancelled",
            ],
            timeline);
    }

    [Fact]
    public void Exceptions_passed_to_the_handler_are_traced()
    {
        var recorder = new TraceRecorder();
        using var loop = new Loop();
        loop.SetExceptionHandler((_, _) => { });
        loop.AddInstrument(recorder);
        loop.CallSoon(() => throw new InvalidOperationException("boom"));
        loop.CallSoon(loop.Stop);
        loop.RunForever();

        var handled = Assert.Single(recorder.Events, e => e.Kind == TraceEventKind.ExceptionHandled);
        Assert.StartsWith("Exception in callback ", handled.Detail);
        Assert.EndsWith(" | InvalidOperationException: boom", handled.Detail);
    }

    [Fact]
    public void A_closed_loop_no_longer_makes_coroutines_look_for_its_instruments()
    {
        var recorder = new TraceRecorder();
        var loop = new Loop();
        Assert.False(loop.CountsAsInstrumented);
        loop.AddInstrument(recorder);
        loop.AddInstrument(new TraceRecorder());
        Assert.True(loop.CountsAsInstrumented);

        loop.Close();
        Assert.False(loop.CountsAsInstrumented);
        Assert.Equal(2, loop.Instruments.Count);
        Assert.True(loop.RemoveInstrument(recorder));
        Assert.False(loop.CountsAsInstrumented);
    }

    [Fact]
    public void Events_carry_increasing_sequence_numbers_and_stop_when_the_instrument_is_removed()
    {
        var recorder = new TraceRecorder();
        using var loop = new Loop();
        loop.AddInstrument(recorder);
        loop.CallSoon(loop.Stop);
        loop.RunForever();
        var count = recorder.Events.Count;
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), recorder.Events.Select(e => e.Sequence));

        Assert.True(loop.RemoveInstrument(recorder));
        Assert.Empty(loop.Instruments);
        loop.CallSoon(loop.Stop);
        loop.RunForever();
        Assert.Equal(count, recorder.Events.Count);
        Assert.False(loop.RemoveInstrument(recorder));
    }

    [Fact]
    public void A_writer_and_a_callback_see_the_same_events_as_a_recorder()
    {
        var recorder = new TraceRecorder();
        var written = new StringWriter();
        var kinds = new List<TraceEventKind>();
        using (TraceCapture.Start(recorder))
        using (TraceCapture.Start(new TraceWriter(written)))
        using (TraceCapture.Start(new TraceCallback(e => kinds.Add(e.Kind))))
        {
            Asyncio.Run(TimerMain());
        }

        Assert.Equal(recorder.ToText(), written.ToString());
        Assert.Equal(recorder.Events.Select(e => e.Kind), kinds);
    }

    [Fact]
    public void Iterator_coroutines_and_foreign_awaitables_show_up_in_the_trace()
    {
        var recorder = Record(() => Asyncio.Run(ThreeKindsMain()));

        var suspensions = recorder.Events.Where(e => e.Kind == TraceEventKind.TaskSuspended)
            .Select(e => $"{e.TaskName} {e.Wait} {e.Detail}").ToList();
        Assert.Equal(
            [
                "Task-1 Task task iterator",
                "iterator Yield yield",
                "iterator Sleep sleep until t=0.500",
                "Task-1 Task task plain",
                "plain Foreign foreign awaitable",
            ],
            suspensions);
        Assert.Contains(recorder.Events, e => e.Kind == TraceEventKind.CoroutineStateChanged && e.Detail == "Generator: Suspended -> Running");
        Assert.Contains(recorder.Events, e => e.Kind == TraceEventKind.TaskCompleted && e.TaskName == "plain");
    }

    [Fact]
    public void A_failing_task_group()
    {
        var recorder = Record(() => Asyncio.Run(FailingGroupMain()));

        // The same program on CPython 3.11 (async with TaskGroup, vloop's trace hook) runs these callbacks.
        Assert.Equal(
            """
              it=1   t=0.000 step     Task-1
              it=2   t=0.000 step     ok
              it=2   t=0.000 step     bad
              it=3   t=1.000 timer    -
              it=4   t=1.000 wakeup   bad
              it=5   t=1.000 callback bad
              it=6   t=1.000 wakeup   ok
              it=6   t=1.000 wakeup   Task-1
              it=7   t=1.000 callback ok
              it=8   t=1.000 wakeup   Task-1
              it=9   t=1.000 callback Task-1
              it=10  t=1.000 step     Task-4
              it=11  t=1.000 callback Task-4
              it=12  t=1.000 step     Task-5
              it=13  t=1.000 callback Task-5
            """,
            TraceText.FormatLikeVloop(recorder.Events));

        var story = recorder.Events
            .Where(e => e.Kind is TraceEventKind.TaskFailed or TraceEventKind.CancelRequested or TraceEventKind.CancelDelivered
                or TraceEventKind.TaskCancelled or TraceEventKind.TaskCompleted)
            .Select(e => $"it={e.Iteration} {e.TaskName} {TraceText.KindName(e)} {e.Detail}".TrimEnd()).ToList();
        Assert.Equal(
            [
                "it=4 bad failed ArgumentException: bad",
                "it=5 ok cancel",
                "it=5 Task-1 cancel",
                "it=6 ok cancel-deliver thrown in at Sleep",
                "it=6 ok cancelled",
                "it=6 Task-1 cancel-deliver thrown in at Exit",
                "it=8 Task-1 done",
                "it=10 Task-4 done",
                "it=12 Task-5 done",
            ],
            story);
    }

    private static async Coroutine FailingGroupMain()
    {
        try
        {
            await TaskGroup.Run(async group =>
            {
                _ = group.CreateTask(Asyncio.Sleep(5), "ok");
                _ = group.CreateTask(Bad(), "bad");
                await Task.CompletedTask;
            });
        }
        catch (ExceptionGroup group) when (group.Split<ArgumentException>() is ({ } bad, null))
        {
            Assert.Equal("bad", Assert.Single(bad.Exceptions).Message);
        }
    }

    private static async Coroutine Bad()
    {
        await Asyncio.Sleep(1);
        throw new ArgumentException("bad");
    }

    private static System.Collections.IEnumerable Generator()
    {
        yield return null;
        yield return Asyncio.Sleep(0.5);
    }

    private static async Coroutine AwaitPlainTask() => await Task.Delay(TimeSpan.FromSeconds(1), Loop.GetRunningLoop().TimeProvider);

    private static async Coroutine ThreeKindsMain()
    {
        await Asyncio.CreateTask(Coroutine.FromIterator(Generator()), "iterator");
        await Asyncio.CreateTask(AwaitPlainTask(), "plain");
    }

    [Fact]
    public void Every_frame_of_two_deep_chains_reports_its_state_changes_about_its_own_task()
    {
        // Two tasks each await a chain 300 frames deep whose leaf yields, so that the chains' frames start, suspend,
        // resume and complete in turns: every state change must name the task of its own chain, whichever task ran
        // just before.
        const int depth = 300;
        var recorder = Record(() => Asyncio.Run(TwoChainsMain(depth)));

        foreach (var (method, task) in new[] { ("ChainA", "A"), ("ChainB", "B") })
        {
            var changes = recorder.Events
                .Where(e => e.Kind == TraceEventKind.CoroutineStateChanged && e.Detail.StartsWith(method + ":", StringComparison.Ordinal))
                .ToList();
            Assert.All(changes, e => Assert.Equal(task, e.TaskName));
            foreach (var change in new[] { "Created -> Running", "Running -> Suspended", "Suspended -> Running", "Running -> Completed" })
            {
                Assert.Equal(depth, changes.Count(e => e.Detail == $"{method}: {change}"));
            }
        }
    }

    // Two methods with one body: a state change names its method, which is how the test tells the chains apart.
    private static async Coroutine<int> ChainA(int depth)
    {
        if (depth == 1)
        {
            await Asyncio.Sleep(0);
            return 1;
        }

        return await ChainA(depth - 1) + 1;
    }

    private static async Coroutine<int> ChainB(int depth)
    {
        if (depth == 1)
        {
            await Asyncio.Sleep(0);
            return 1;
        }

        return await ChainB(depth - 1) + 1;
    }

    private static async Coroutine TwoChainsMain(int depth)
    {
        var results = await Asyncio.Gather(Asyncio.CreateTask(ChainA(depth), "A"), Asyncio.CreateTask(ChainB(depth), "B"));
        Assert.Equal([depth, depth], results);
    }

    private static TraceRecorder Record(Action run)
    {
        var recorder = new TraceRecorder();
        using (TraceCapture.Start(recorder))
        {
            run();
        }

        return recorder;
    }

    private static async Coroutine Worker(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Asyncio.Sleep(0);
        }
    }

    private static async Coroutine RoundRobinMain()
    {
        var a = Asyncio.CreateTask(Worker(3), "A");
        var b = Asyncio.CreateTask(Worker(3), "B");
        await a;
        await b;
    }

    private static async Coroutine<int> AddOne(int x) => x + 1;

    private static async Coroutine<int> DirectAwaitMain() => await AddOne(41);

    private static async Coroutine Inner() => await Asyncio.Sleep(5);

    private static async Coroutine Sleeper()
    {
        try
        {
            await Inner();
        }
        finally
        {
        }
    }

    private static async Coroutine CancelMain()
    {
        var task = Asyncio.CreateTask(Sleeper(), "sleeper");
        await Asyncio.Sleep(1);
        task.Cancel("stop");
        try
        {
            await task;
        }
        catch (CancelledError)
        {
        }
    }

    private static void Ring()
    {
    }

    private static async Coroutine TimerMain()
    {
        Loop.GetRunningLoop().CallLater(2, Ring);
        await Asyncio.Sleep(3);
    }
}
