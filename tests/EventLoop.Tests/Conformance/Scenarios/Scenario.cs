using Tutorial;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>
/// The helpers the Python scenarios share in scenario.py (<c>say</c>, <c>names</c>, <c>show</c>, <c>child</c>,
/// <c>outcome</c>), in C#.
/// </summary>
internal static class Scenario
{
    /// <summary><c>say(...)</c>: the time, the loop iteration, the message.</summary>
    public static void Say(string message) => Vloop.Log($"it={Loop.GetRunningLoop().Iteration} {message}");

    /// <summary><c>names(tasks)</c>: the tasks' names in creation order (which is how the sets enumerate).</summary>
    public static string Names(IEnumerable<LoopTask> tasks) => "[" + string.Join(", ", tasks.Select(t => t.Name)) + "]";

    /// <summary><c>show(e)</c>: an exception as <c>Type('message')</c>, groups with their exceptions.</summary>
    public static string Show(Exception? e) => e switch
    {
        null => "None",
        ExceptionGroup g => $"ExceptionGroup({Py.Repr(g.GroupMessage)}, [{string.Join(", ", g.Exceptions.Select(Show))}])",
        _ => $"{TypeName(e)}({Py.Repr(e.Message)})",
    };

    /// <summary>Python's name for the exceptions the scenarios raise.</summary>
    public static string TypeName(Exception e) => e is InvalidOperationException ? "RuntimeError" : Py.TypeName(e);

    /// <summary><c>child(name, delay, fail)</c>: sleeps, logs its cancellation, then fails or returns its name.</summary>
    public static async Coroutine<string> Child(string name, double delay, bool fail = false)
    {
        try
        {
            await Asyncio.Sleep(delay);
        }
        catch (CancelledError)
        {
            Say($"{name} cancelled");
            throw;
        }

        if (fail)
        {
            Say($"{name} raises");
            throw new ArgumentException(name);
        }

        Say($"{name} done");
        return name;
    }

    /// <summary>
    /// <c>vloop.run(main(), exception_handler=vloop.printing_exception_handler)</c> followed by the <c>elapsed=</c>
    /// line: what reaches the loop's exception handler (until the loop is closed) is printed as one line.
    /// </summary>
    public static void RunPrintingExceptions(Coroutine main)
    {
        double finishTime;
        using (var runner = new Runner())
        {
            runner.Loop.SetExceptionHandler(PrintingExceptionHandler);
            try
            {
                runner.Run(main);
            }
            finally
            {
                finishTime = runner.FinishTime;
            }
        }

        Console.WriteLine($"elapsed={Py.F3(finishTime)}");
    }

    /// <summary><c>vloop.printing_exception_handler</c>: message, exception, task or future, on one line.</summary>
    private static void PrintingExceptionHandler(Loop loop, ExceptionContext context)
    {
        var line = $"exception handler (t={Py.F3(loop.Time)}): {context.Message}";
        if (context.Exception is { } exception)
        {
            line += $" | {TypeName(exception)}: {exception.Message}";
        }

        line += context.Source switch
        {
            LoopTask task => $" | task={task.Name}",
            Future future => $" | future={Py.TypeName(future)}",
            _ => string.Empty,
        };
        Console.WriteLine(line);
    }

    /// <summary><c>vloop.run(main())</c> followed by the <c>elapsed=</c> line.</summary>
    public static void Run(Coroutine main)
    {
        Vloop.Run(main);
        Vloop.PrintElapsed();
    }

    /// <summary><c>outcome(t)</c>: the repr of the task's result, its cancellation and message, or its exception's type.</summary>
    public static async Coroutine<string> Outcome(LoopTask<string> t)
    {
        try
        {
            return Py.Repr(await t);
        }
        catch (CancelledError e)
        {
            return $"cancelled {Py.Repr(e.Message)}";
        }
        catch (Exception e)
        {
            return TypeName(e);
        }
    }
}
