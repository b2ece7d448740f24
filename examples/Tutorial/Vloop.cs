using EventLoop;

namespace Tutorial;

/// <summary>
/// The C# side of the conformance oracle's helpers (<c>vloop.py</c>): run a main coroutine like
/// <c>asyncio.run</c> and remember when it finished, and print the virtual time the way the oracle does.
/// </summary>
public static class Vloop
{
    /// <summary>The loop time at which the last main coroutine finished, before the shutdown.</summary>
    public static double LastFinishTime { get; private set; }

    /// <summary><c>vloop.run(main())</c>: <c>Asyncio.Run</c>, remembering when main finished.</summary>
    public static T Run<T>(Coroutine<T> main)
    {
        using var runner = new Runner();
        try
        {
            return runner.Run(main);
        }
        finally
        {
            LastFinishTime = runner.FinishTime;
        }
    }

    /// <inheritdoc cref="Run{T}"/>
    public static void Run(Coroutine main)
    {
        using var runner = new Runner();
        try
        {
            runner.Run(main);
        }
        finally
        {
            LastFinishTime = runner.FinishTime;
        }
    }

    /// <summary>The running loop's time (<c>vloop.now()</c>).</summary>
    public static double Now => Loop.GetRunningLoop().Time;

    /// <summary><c>vloop.log(...)</c>: the message after <c>t=TIME</c>.</summary>
    public static void Log(string message) => Console.WriteLine($"t={Py.F3(Now)} {message}");

    /// <summary>The oracle's last line: <c>elapsed=TIME</c>.</summary>
    public static void PrintElapsed() => Console.WriteLine($"elapsed={Py.F3(LastFinishTime)}");
}
