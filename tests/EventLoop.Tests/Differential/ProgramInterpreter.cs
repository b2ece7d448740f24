using System.Globalization;
using System.Text;

namespace EventLoop.Tests.Differential;

/// <summary>
/// Runs a <see cref="ProgramSpec"/> on the library and prints the same log as tests/Differential/run_program.py
/// prints on CPython; statement for statement the same code, so the logs must be equal line for line. Besides the
/// text it keeps a <see cref="RunRecord"/> of what happened, for the property tests.
/// </summary>
public sealed class ProgramInterpreter
{
    private readonly ProgramSpec _program;
    private readonly StringBuilder _out = new();
    private readonly Dictionary<int, LoopTask<int>> _tasks = [];
    private readonly RunRecord _record = new();
    private readonly bool _countCompletions;
    private readonly List<Func<Coroutine<Releaser>>> _resources = [];
    private readonly List<AsyncEvent> _events = [];
    private readonly List<AsyncQueue<string>> _queues = [];

    private ProgramInterpreter(ProgramSpec program, bool countCompletions)
    {
        _program = program;
        _countCompletions = countCompletions;
        foreach (var resource in program.Resources ?? [])
        {
            Func<Coroutine<Releaser>> acquire = resource.Kind switch
            {
                "lock" => new AsyncLock().Acquire,
                "semaphore" => new AsyncSemaphore(resource.Value).Acquire,
                "bounded_semaphore" => new AsyncBoundedSemaphore(resource.Value).Acquire,
                _ => throw new NotSupportedException($"Unknown resource kind '{resource.Kind}': lock, semaphore or bounded_semaphore."),
            };
            _resources.Add(acquire);
        }

        _events.AddRange(Enumerable.Range(0, program.Events).Select(_ => new AsyncEvent()));
        _queues.AddRange((program.Queues ?? []).Select(maxsize => new AsyncQueue<string>(maxsize)));
    }

    /// <summary>Runs the program and returns its log.</summary>
    public static string Run(ProgramSpec program) => new ProgramInterpreter(program, countCompletions: false).RunAll().Log;

    /// <summary>
    /// Runs the program and returns its log and what happened. <paramref name="countCompletions"/> adds a done
    /// callback to every task to count its completions (it costs loop iterations, so it changes the log).
    /// </summary>
    public static RunRecord RunRecorded(ProgramSpec program, bool countCompletions) =>
        new ProgramInterpreter(program, countCompletions).RunAll();

    private RunRecord RunAll()
    {
        string outcome;
        var runner = new Runner();
        try
        {
            runner.Loop.SetExceptionHandler(ExceptionHandler);
            try
            {
                outcome = Outcome(runner.Run(Main()));
            }
            catch (Exception exception)
            {
                outcome = Describe(exception);
            }
            finally
            {
                _record.MainFinished = true;
                _record.PendingWhenMainFinished = [.. runner.Loop.AllTasks()];
            }
        }
        finally
        {
            // asyncio.run shuts down before it returns or raises, so its lines come before "run -> ...".
            runner.Close();
        }

        Write($"run -> {outcome}");
        Write($"elapsed={F3(runner.FinishTime)}");
        foreach (var (task, _) in _record.Created)
        {
            Write($"final {task.Name} {FinalState((LoopTask<int>)task)}");
        }

        _record.Log = _out.ToString();
        _record.PendingAtEnd = [.. runner.Loop.AllTasks()];
        return _record;
    }

    private void Write(string line) => _out.Append(line).Append('\n');

    private void Log(string text)
    {
        var loop = Loop.GetRunningLoop();
        _record.Clock.Add((loop.Time, loop.Iteration));
        Write($"t={F3(loop.Time)} it={loop.Iteration} task={loop.CurrentTask?.Name ?? "-"} {text}");
    }

    private void ExceptionHandler(Loop loop, ExceptionContext context)
    {
        if (context.Message.Contains("never retrieved", StringComparison.Ordinal))
        {
            // CPython reports it when the garbage collector gets to the object: not part of the log (README.md).
            return;
        }

        var line = $"exception handler t={F3(loop.Time)}: {context.Message}";
        if (context.Exception is { } exception)
        {
            line += $" | {Describe(exception)}";
        }

        if (context.Source is LoopTask task)
        {
            line += $" | task={task.Name}";
        }

        Write(line);
    }

    private void Register(int index, LoopTask<int> task)
    {
        _tasks.Add(index, task);
        _record.Created.Add((task, _record.MainFinished));
        if (_countCompletions)
        {
            task.AddDoneCallback(t => _record.Completions[(LoopTask)t] = _record.Completions.GetValueOrDefault((LoopTask)t) + 1);
        }
    }

    private async Coroutine<int> Main()
    {
        var task = (LoopTask<int>)Loop.GetRunningLoop().CurrentTask!;
        task.Name = _program.Tasks[0].Name;
        Register(0, task);
        return await RunBody(0);
    }

    private async Coroutine<int> RunBody(int index)
    {
        var spec = _program.Tasks[index];
        Log("start");
        await Block(spec.Body);
        Log($"return {spec.Result}");
        return spec.Result;
    }

    private async Coroutine Block(IReadOnlyList<Statement> statements)
    {
        foreach (var statement in statements)
        {
            await Execute(statement);
        }
    }

    /// <summary>
    /// One statement. In Python every statement is an <c>async def</c> awaited inline; the ones that never suspend
    /// run here as plain calls, which is the same (awaiting a coroutine that does not suspend costs nothing).
    /// </summary>
    private async Coroutine Execute(Statement statement)
    {
        switch (statement)
        {
            case SleepStatement s: await Sleep(s); break;
            case LogStatement s: Log($"note {s.Text}"); break;
            case SpawnStatement s: Spawn(s); break;
            case AwaitStatement s: await Await(s); break;
            case GatherStatement s: await Gather(s); break;
            case CancelStatement s: Cancel(s); break;
            case RaiseStatement s: Raise(s); break;
            case TryStatement s: await Try(s); break;
            case CallSoonStatement s: CallSoon(s); break;
            case CallLaterStatement s: CallLater(s); break;
            case AddDoneCallbackStatement s: AddDoneCallback(s); break;
            case WaitStatement s: await Wait(s); break;
            case WaitForStatement s: await WaitFor(s); break;
            case ShieldStatement s: await Shield(s); break;
            case TimeoutStatement s: await Timeout(s); break;
            case TaskGroupStatement s: await TaskGroupBlock(s); break;
            case AcquireStatement s: await Acquire(s); break;
            case EventSetStatement s: EventSet(s); break;
            case EventClearStatement s: EventClear(s); break;
            case EventWaitStatement s: await EventWait(s); break;
            case QueuePutStatement s: await QueuePut(s); break;
            case QueueGetStatement s: await QueueGet(s); break;
            case QueueJoinStatement s: await QueueJoin(s); break;
            case UncancelStatement: Uncancel(); break;
            case CancelSelfStatement s: CancelSelf(s); break;
            default: throw new NotSupportedException($"No interpreter case for {statement.GetType().Name}: add one to ProgramInterpreter.Execute.");
        }
    }

    private async Coroutine Sleep(SleepStatement s)
    {
        var loop = Loop.GetRunningLoop();
        var start = loop.Time;
        await Asyncio.Sleep(s.Delay);
        _record.Sleeps.Add((start, s.Delay, loop.Time));
        Log($"slept {Number(s.Delay)}");
    }

    private void Spawn(SpawnStatement s)
    {
        var task = Asyncio.CreateTask(RunBody(s.Task), _program.Tasks[s.Task].Name);
        Register(s.Task, task);
        Log($"spawn {task.Name}");
    }

    private async Coroutine Await(AwaitStatement s)
    {
        var task = _tasks[s.Task];
        var what = $"await {task.Name}";
        if (!s.Catch)
        {
            Log($"{what} -> {Outcome(await task)}");
            return;
        }

        int result;
        try
        {
            result = await task;
        }
        catch (Exception exception)
        {
            Log($"{what} -> {Describe(exception)}");
            return;
        }

        Log($"{what} -> {Outcome(result)}");
    }

    private async Coroutine Gather(GatherStatement s)
    {
        var tasks = s.Tasks.Select(i => (object)_tasks[i]).ToArray();
        var what = $"gather [{string.Join(",", s.Tasks.Select(i => _tasks[i].Name))}] return_exceptions={PyBool(s.ReturnExceptions)}";
        var gathering = Asyncio.Gather(s.ReturnExceptions, tasks);
        object?[] results;
        if (!s.Catch)
        {
            results = await gathering;
        }
        else
        {
            try
            {
                results = await gathering;
            }
            catch (Exception exception)
            {
                Log($"{what} -> {Describe(exception)}");
                return;
            }
        }

        Log($"{what} -> [{string.Join(", ", results.Select(Outcome))}]");
    }

    private void Cancel(CancelStatement s)
    {
        var task = _tasks[s.Task];
        var cancelled = task.Cancel(s.Msg);
        Log($"cancel {task.Name} msg={s.Msg ?? "None"} -> {PyBool(cancelled)}");
    }

    private void Raise(RaiseStatement s)
    {
        Log($"raise ValueError:{s.Msg}");
        throw new ValueError(s.Msg);
    }

    private async Coroutine Try(TryStatement s)
    {
        try
        {
            await Block(s.Body);
        }
        catch (Exception exception) when (Catches(s.Except, exception))
        {
            Log($"caught {Describe(exception)} by except {s.Except}");
            await Block(s.Handler);
            if (s.Reraise)
            {
                Log($"reraise {Describe(exception)}");
                throw;
            }
        }
    }

    private void CallSoon(CallSoonStatement s)
    {
        Loop.GetRunningLoop().CallSoon(() => Log($"callback {s.Label}"));
        Log($"call_soon {s.Label}");
    }

    private void CallLater(CallLaterStatement s)
    {
        var loop = Loop.GetRunningLoop();
        TimerHandle? handle = null;
        handle = loop.CallLater(s.Delay, () =>
        {
            _record.TimersFired.Add((handle!.When, loop.Time));
            Log($"callback {s.Label}");
        });
        Log($"call_later {s.Label} delay={Number(s.Delay)} deadline={F3(handle.When)}");
    }

    private void AddDoneCallback(AddDoneCallbackStatement s)
    {
        var task = _tasks[s.Task];
        _record.DoneCallbacksAdded.Add((s.Label, task, _record.MainFinished));
        task.AddDoneCallback(t =>
        {
            _record.DoneCallbacksFired.Add((s.Label, (LoopTask)t));
            Log($"done-callback {s.Label} {((LoopTask)t).Name} {FinalState((LoopTask<int>)t)}");
        });
        Log($"add_done_callback {s.Label} {task.Name}");
    }

    /// <summary>Awaits <paramref name="make"/>() and logs the outcome; with <paramref name="caught"/> an exception or cancellation is logged instead of thrown.</summary>
    private async Coroutine LoggedAwait<T>(string what, Func<Coroutine<T>> make, bool caught)
    {
        if (!caught)
        {
            Log($"{what} -> {Outcome(await make())}");
            return;
        }

        T result;
        try
        {
            result = await make();
        }
        catch (Exception exception)
        {
            Log($"{what} -> {Describe(exception)}");
            return;
        }

        Log($"{what} -> {Outcome(result)}");
    }

    private async Coroutine Wait(WaitStatement s)
    {
        var tasks = s.Tasks.Select(i => _tasks[i]).ToList();
        var what = $"wait [{string.Join(",", tasks.Select(t => t.Name))}] timeout={Number(s.Timeout)} return_when={s.ReturnWhen}";
        var returnWhen = s.ReturnWhen switch
        {
            "ALL_COMPLETED" => ReturnWhen.AllCompleted,
            "FIRST_COMPLETED" => ReturnWhen.FirstCompleted,
            "FIRST_EXCEPTION" => ReturnWhen.FirstException,
            _ => throw new NotSupportedException($"Unknown return_when '{s.ReturnWhen}'."),
        };
        var (done, pending) = await Asyncio.Wait(tasks, s.Timeout, returnWhen);
        Log($"{what} -> done=[{string.Join(",", done.Select(t => t.Name))}] pending=[{string.Join(",", pending.Select(t => t.Name))}]");
    }

    private async Coroutine WaitFor(WaitForStatement s)
    {
        var task = _tasks[s.Task];
        await LoggedAwait($"wait_for {task.Name} timeout={Number(s.Timeout)}", () => Asyncio.WaitFor(task, s.Timeout), s.Catch);
    }

    private async Coroutine Shield(ShieldStatement s)
    {
        var task = _tasks[s.Task];
        await LoggedAwait($"shield {task.Name}", async () => await Asyncio.Shield(task), s.Catch);
    }

    private async Coroutine Timeout(TimeoutStatement s)
    {
        var scope = Asyncio.Timeout(s.Delay);
        await scope.Run(async () =>
        {
            Log($"timeout {Number(s.Delay)} enter when={(scope.When is { } when ? F3(when) : "None")}");
            await Block(s.Body);
        });
        Log($"timeout {Number(s.Delay)} exit expired={PyBool(scope.Expired)}");
    }

    private async Coroutine TaskGroupBlock(TaskGroupStatement s)
    {
        async Coroutine<string> Run()
        {
            await TaskGroup.Run(async group =>
            {
                Log("task_group enter");
                foreach (var statement in s.Body)
                {
                    if (statement is GroupSpawnStatement spawn)
                    {
                        var task = group.CreateTask(RunBody(spawn.Task), _program.Tasks[spawn.Task].Name);
                        Register(spawn.Task, task);
                        Log($"group_spawn {task.Name}");
                    }
                    else
                    {
                        await Execute(statement);
                    }
                }
            });
            return "ok";
        }

        await LoggedAwait("task_group", Run, s.Catch);
    }

    private async Coroutine Acquire(AcquireStatement s)
    {
        using (await _resources[s.Resource]())
        {
            var holders = _record.Holders[s.Resource] = _record.Holders.GetValueOrDefault(s.Resource) + 1;
            _record.MostHolders[s.Resource] = Math.Max(holders, _record.MostHolders.GetValueOrDefault(s.Resource));
            try
            {
                Log($"acquired r{s.Resource}");
                await Block(s.Body);
                Log($"release r{s.Resource}");
            }
            finally
            {
                _record.Holders[s.Resource]--;
            }
        }
    }

    private void EventSet(EventSetStatement s)
    {
        _events[s.Event].Set();
        Log($"event_set v{s.Event}");
    }

    private void EventClear(EventClearStatement s)
    {
        _events[s.Event].Clear();
        Log($"event_clear v{s.Event}");
    }

    /// <summary><paramref name="make"/>() under a deadline (a timeout scope or wait_for); its result, or the TimeoutError described.</summary>
    private static async Coroutine<string> Guarded(double timeout, string via, Func<Coroutine<string>> make)
    {
        try
        {
            return via switch
            {
                "timeout" => await Asyncio.Timeout(timeout).Run(make),
                "wait_for" => await Asyncio.WaitFor(make(), timeout),
                _ => throw new NotSupportedException($"Unknown guard '{via}': timeout or wait_for."),
            };
        }
        catch (TimeoutException exception)
        {
            return Describe(exception);
        }
    }

    private static string Guard(double timeout, string via) => $"via={via} timeout={Number(timeout)}";

    private async Coroutine EventWait(EventWaitStatement s)
    {
        var @event = _events[s.Event];
        var result = await Guarded(s.Timeout, s.Via, async () => PyBool(await @event.Wait()));
        Log($"event_wait v{s.Event} {Guard(s.Timeout, s.Via)} -> {result}");
    }

    private async Coroutine QueuePut(QueuePutStatement s)
    {
        var queue = _queues[s.Queue];
        var result = await Guarded(s.Timeout, s.Via, async () =>
        {
            await queue.Put(s.Item);
            _record.QueueItems(s.Queue).Put.Add(s.Item);
            return "ok";
        });
        Log($"queue_put q{s.Queue} {s.Item} {Guard(s.Timeout, s.Via)} -> {result}");
    }

    private async Coroutine QueueGet(QueueGetStatement s)
    {
        var queue = _queues[s.Queue];
        var got = false;
        var result = await Guarded(s.Timeout, s.Via, async () =>
        {
            var item = await queue.Get();
            _record.QueueItems(s.Queue).Got.Add(item);
            got = true;
            return item;
        });
        if (got && s.TaskDone)
        {
            queue.TaskDone();
            result += " task_done";
        }

        Log($"queue_get q{s.Queue} {Guard(s.Timeout, s.Via)} -> {result}");
    }

    private async Coroutine QueueJoin(QueueJoinStatement s)
    {
        var queue = _queues[s.Queue];
        var result = await Guarded(s.Timeout, s.Via, async () =>
        {
            await queue.Join();
            return "ok";
        });
        Log($"queue_join q{s.Queue} {Guard(s.Timeout, s.Via)} -> {result}");
    }

    private void Uncancel()
    {
        var task = Loop.GetRunningLoop().CurrentTask!;
        var cancelling = task.Cancelling();
        Log($"uncancel cancelling={cancelling} -> {task.Uncancel()}");
    }

    private void CancelSelf(CancelSelfStatement s)
    {
        var cancelled = Loop.GetRunningLoop().CurrentTask!.Cancel(s.Msg);
        Log($"cancel self msg={s.Msg ?? "None"} -> {PyBool(cancelled)}");
    }

    /// <summary>Python's <c>except ValueError / CancelledError / Exception</c> (CancelledError is no Exception there).</summary>
    private static bool Catches(string kind, Exception exception) => kind switch
    {
        "ValueError" => exception is ValueError,
        "CancelledError" => exception is OperationCanceledException,
        "Exception" => exception is not OperationCanceledException,
        _ => throw new NotSupportedException($"Unknown except kind '{kind}': ValueError, CancelledError or Exception."),
    };

    private static string FinalState(LoopTask<int> task)
    {
        if (!task.Done)
        {
            return "pending";
        }

        try
        {
            return Outcome(task.Result());
        }
        catch (Exception exception)
        {
            return Describe(exception);
        }
    }

    private static string Outcome(object? value) => value is Exception exception ? Describe(exception) : $"result={value}";

    /// <summary>
    /// Python's <c>Type:str(exc)</c>, with .NET's names mapped to Python's; a group lists its exceptions in brackets.
    /// A misuse (CPython's RuntimeError, e.g. creating a task in a task group that is shutting down) is the library's
    /// InvalidOperationException, whose message is CPython's followed by advice after ": ": only CPython's part is logged.
    /// </summary>
    private static string Describe(Exception exception)
    {
        var text = exception switch
        {
            OperationCanceledException => $"CancelledError:{exception.Message}",
            TimeoutException => $"TimeoutError:{exception.Message}",
            _ when exception.GetType() == typeof(InvalidOperationException) => $"RuntimeError:{exception.Message.Split(": ")[0]}",
            _ => $"{exception.GetType().Name}:{exception.Message}",
        };
        return exception is ExceptionGroup group ? $"{text} [{string.Join(", ", group.Exceptions.Select(Describe))}]" : text;
    }

    private static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "None";

    private static string PyBool(bool value) => value ? "True" : "False";
}
