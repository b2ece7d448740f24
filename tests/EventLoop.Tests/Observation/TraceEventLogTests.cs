namespace EventLoop.Tests.Observation;

/// <summary>
/// The recorder's log keeps events compactly (sequence, iteration and time once per run of events); what it gives
/// back, by index and by enumeration, must be exactly what it was given, including gaps in the sequence, a time of
/// -0.0 and the rarely set wait kind and related task.
/// </summary>
public class TraceEventLogTests
{
    [Fact]
    public void Events_read_back_exactly_as_they_were_added()
    {
        using var loop = new Loop();
        var task = loop.CreateTask(Asyncio.Sleep(0), "T");
        TraceEvent[] added =
        [
            new(1, 0, 0.0, TraceEventKind.IterationStarted, null, "-", "0 ready"),
            new(2, 0, 0.0, TraceEventKind.TaskCreated, task, "T", "created"),
            new(3, 0, -0.0, TraceEventKind.TaskSuspended, task, "T", "yield", WaitKind.Yield),
            new(4, 1, -0.0, TraceEventKind.TaskSuspended, task, "renamed", "task x", WaitKind.Task, "x"),
            new(9, 1, -0.0, TraceEventKind.CallbackRun, task, "T", "step"),
            new(10, 1, 0.5, TraceEventKind.ClockAdvanced, null, "-", "0.000 -> 0.500"),
            new(11, 1, 0.5, TraceEventKind.CallbackRun, null, "-", "callback f", WaitKind.None, "y"),
            new(2, 7, 0.5, TraceEventKind.TaskCreated, task, "T", "again"),
        ];
        var log = new TraceEventLog();
        foreach (var traceEvent in added)
        {
            log.Add(in traceEvent);
        }

        Assert.Equal(added.Length, log.Count);
        Assert.Equal(added.Select(Describe), log.Select(Describe));
        Assert.Equal(added.Select(Describe), Enumerable.Range(0, log.Count).Select(i => Describe(log[i])));
        loop.RunUntilComplete(task);
    }

    [Fact]
    public void Events_and_runs_past_one_chunk_keep_their_order_and_values()
    {
        var log = new TraceEventLog();
        var added = Enumerable.Range(0, 3000)
            .Select(i => new TraceEvent(100 + i + i / 700, i / 2, i / 2 * 0.25, (TraceEventKind)(i % 5), null, "-", "e" + i))
            .ToArray();
        foreach (var traceEvent in added)
        {
            log.Add(in traceEvent);
        }

        Assert.Equal(added.Select(Describe), log.Select(Describe));
        Assert.Equal(Describe(added[2047]), Describe(log[2047]));
        Assert.Equal(Describe(added[2048]), Describe(log[2048]));
        Assert.Equal(Describe(added[^1]), Describe(log[^1]));
        log.Clear();
        Assert.Empty(log);
    }

    [Fact]
    public void Shapes_tasks_and_runs_read_back_across_every_chunk_boundary()
    {
        // Past the first chunks of entries (65,536) and of runs (2,048), over runs longer than the log lets them be
        // (256), with repeated shapes (as a loop emits them), fresh details (more shapes than a table has codes:
        // 128, and more than two bytes could number), shapes that repeat out of order, events about no task between those about three tasks taking
        // turns, and iterations that go up by one or jump.
        using var loop = new Loop();
        LoopTask[] tasks = [.. Enumerable.Range(0, 3).Select(i => loop.CreateTask(Asyncio.Sleep(0), "T" + i))];
        string[] details = ["step", "yield", "A: Running -> Suspended", "A: Suspended -> Running", ""];
        var added = Enumerable.Range(0, 140_000).Select(i => new TraceEvent(
                sequence: i + (i / 5000),
                iteration: i < 30_000 ? i / 7 : i / 7 * 2,
                time: i < 20_000 ? 0.0 : i / 3 * 0.5,
                kind: (TraceEventKind)(i % 19),
                task: i % 4 == 3 ? null : tasks[(i / 2) % 3],
                taskName: i % 6 == 0 ? null : "T" + (i % 3),
                detail: i % 2 == 0 ? "fresh " + i : details[(i * 7 / 3) % details.Length],
                wait: (WaitKind)(i % 3),
                relatedTask: i % 13 == 0 ? "R" : null))
            .ToArray();
        var log = new TraceEventLog();
        foreach (var traceEvent in added)
        {
            log.Add(in traceEvent);
        }

        Assert.Equal(added.Length, log.Count);
        Assert.Equal(added.Select(Describe), log.Select(Describe));
        foreach (var index in new[] { 0, 7, 255, 256, 257, 1023, 1024, 4095, 4096, 5000, 16384, 20000, 32767, 32768, 65535, 65536, 65537, 131071, 131072, 131073, 139999 })
        {
            Assert.Equal(Describe(added[index]), Describe(log[index]));
            Assert.Same(added[index].Detail, log[index].Detail);
            Assert.Same(added[index].Task, log[index].Task);
        }

        log.Clear();
        foreach (var traceEvent in added[..5000])
        {
            log.Add(in traceEvent);
        }

        Assert.Equal(added[..5000].Select(Describe), log.Select(Describe));

        foreach (var task in tasks)
        {
            loop.RunUntilComplete(task);
        }
    }

    [Fact]
    public void A_recorder_alone_records_what_it_records_beside_another_instrument()
    {
        // Alone, the loop adds to the recorder's log directly; beside another instrument, through OnEvent.
        static List<string> Record(bool alone)
        {
            using var loop = new Loop();
            var recorder = new TraceRecorder();
            loop.AddInstrument(recorder);
            if (!alone)
            {
                loop.AddInstrument(new TraceCallback(_ => { }));
            }

            loop.RunUntilComplete(loop.CreateTask(Busy()));
            return [.. recorder.Events.Select(e => Describe(e) + "|" + e.Task?.Done)];
        }

        Assert.Equal(Record(alone: false), Record(alone: true));
    }

    [Fact]
    public void A_recorder_shared_by_two_loops_or_joined_for_a_while_records_what_it_records_beside_another_instrument()
    {
        // Alone, a loop's events continue the log's run unchecked until something breaks it: the other loop writing
        // to the same recorder, another instrument coming and going, the iteration or the clock moving.
        static List<string> Record(bool alone)
        {
            var recorder = new TraceRecorder();
            using var first = new Loop();
            using var second = new Loop();
            Loop[] loops = [first, second];
            foreach (var loop in loops)
            {
                loop.AddInstrument(recorder);
                if (!alone)
                {
                    loop.AddInstrument(new TraceCallback(_ => { }));
                }
            }

            LoopTask[] tasks = [first.CreateTask(Busy()), second.CreateTask(Busy())];
            var visitor = new TraceCallback(_ => { });
            for (var i = 0; tasks.Any(t => !t.Done); i++)
            {
                if (i == 10)
                {
                    first.AddInstrument(visitor);
                }
                else if (i == 14)
                {
                    first.RemoveInstrument(visitor);
                }

                // A callback or a few whole iterations (over which the log's runs continue), a loop at a time.
                foreach (var loop in loops)
                {
                    var stepper = new LoopStepper(loop);
                    for (var k = 0; k < i % 4; k++)
                    {
                        stepper.RunIteration();
                    }

                    stepper.RunCallback();
                }
            }

            return [.. recorder.Events.Select(Describe)];
        }

        var alone = Record(alone: true);
        Assert.Equal(Record(alone: false), alone);
        Assert.Contains(alone, e => e.Contains("|ClockAdvanced|"));
    }

    [Fact]
    public void What_a_sleeping_task_waits_on_reads_the_same_traced_or_not()
    {
        // Traced, the loop finds a sleep's timer from the one it scheduled last; it must say what looking through
        // the timer heap says: while the sleep's timer is not the last one, once it is cancelled, and once the loop
        // is closed (which empties the heap).
        static List<string> WaitsOn(bool traced)
        {
            var waits = new List<string>();
            foreach (var sleeperFirst in new[] { true, false })
            {
                var loop = new Loop();
                if (traced)
                {
                    loop.AddInstrument(new TraceRecorder());
                }

                var first = loop.CreateTask(Asyncio.Sleep(sleeperFirst ? 5 : 1));
                var second = loop.CreateTask(Asyncio.Sleep(sleeperFirst ? 1 : 5));
                var sleeper = sleeperFirst ? first : second;
                loop.RunUntilComplete(loop.CreateTask(Asyncio.Sleep(0)));
                waits.Add(sleeper.Inspect().WaitingOn);
                loop.Close();
                waits.Add(sleeper.Inspect().WaitingOn);
            }

            return waits;
        }

        Assert.Equal(WaitsOn(traced: false), WaitsOn(traced: true));
        Assert.Equal(["sleep until t=5.000", "future Future<Boolean>"], WaitsOn(traced: true)[..2]);
    }

    private static async Coroutine Busy()
    {
        var sleeper = Asyncio.CreateTask(Asyncio.Sleep(5), "sleeper");
        var yielder = Asyncio.CreateTask(Yields(3));
        await Asyncio.Sleep(0.25);
        sleeper.Cancel("enough");
        await Asyncio.Gather(Yields(2), Yields(1));
        await yielder;
        try
        {
            await sleeper;
        }
        catch (CancelledError)
        {
        }
    }

    private static async Coroutine Yields(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Asyncio.Sleep(0);
        }
    }

    [Fact]
    public void A_default_task_name_is_the_one_the_task_had_when_the_event_happened()
    {
        using var loop = new Loop();
        var recorder = new TraceRecorder();
        loop.AddInstrument(recorder);
        var task = loop.CreateTask(RenamesItself());
        loop.RunUntilComplete(task);

        var names = recorder.Events.Where(e => e.Task == task).Select(e => e.TaskName).Distinct().ToList();
        Assert.Equal([task.DefaultName, "renamed"], names);
        Assert.Contains(" " + task.DefaultName + " ", recorder.ToText());
    }

    [Fact]
    public void A_result_reads_as_it_was_when_the_task_completed()
    {
        using var loop = new Loop();
        var recorder = new TraceRecorder();
        loop.AddInstrument(recorder);
        var list = new List<int> { 1 };
        var number = loop.CreateTask(Returns(42));
        var text = loop.CreateTask(Returns("it's"));
        var items = loop.CreateTask(Returns(list));
        loop.RunUntilComplete(items);
        loop.RunUntilComplete(text);
        list.Add(2);

        string DoneDetail(LoopTask task) => recorder.Events.Single(e => e.Task == task && e.Kind == TraceEventKind.TaskCompleted).Detail;
        Assert.Equal("result=42", DoneDetail(number));
        Assert.Equal("result='it\\'s'", DoneDetail(text));
        Assert.Equal("result=[1]", DoneDetail(items));
    }

    private static async Coroutine<T> Returns<T>(T value)
    {
        await Asyncio.Sleep(0);
        return value;
    }

    private static async Coroutine RenamesItself()
    {
        await Asyncio.Sleep(0);
        Asyncio.CurrentTask()!.Name = "renamed";
        await Asyncio.Sleep(0);
    }

    [Fact]
    public void A_default_event_has_no_names_as_before()
    {
        TraceEvent empty = default;
        Assert.Null(empty.TaskName);
        Assert.Null(empty.Detail);
    }

    private static string Describe(TraceEvent e) =>
        $"{e.Sequence}|{e.Iteration}|{BitConverter.DoubleToInt64Bits(e.Time)}|{e.Kind}|{e.Task?.Name}|{e.TaskName}|{e.Detail}|{e.Wait}|{e.RelatedTask}";
}
