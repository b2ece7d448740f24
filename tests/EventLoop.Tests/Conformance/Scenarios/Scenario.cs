using Tutorial;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>The helpers the Python scenarios define at their top (<c>say</c>, <c>names</c>, <c>show</c>, <c>child</c>), in C#.</summary>
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

    /// <summary><c>vloop.run(main())</c> followed by the <c>elapsed=</c> line.</summary>
    public static void Run(Coroutine main)
    {
        Vloop.Run(main);
        Vloop.PrintElapsed();
    }
}
