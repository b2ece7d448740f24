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

    private ProgramInterpreter(ProgramSpec program, bool countCompletions)
    {
        _program = program;
        _countCompletions = countCompletions;
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

    private static string Describe(Exception exception) =>
        $"{(exception is OperationCanceledException ? "CancelledError" : exception.GetType().Name)}:{exception.Message}";

    private static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string PyBool(bool value) => value ? "True" : "False";
}
