using Tutorial;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>The scenario scripts' <c>say()</c> and Python's spelling of booleans.</summary>
internal static class Scenario
{
    /// <summary><c>say(message)</c>: the loop iteration and virtual time, then the message.</summary>
    public static void Say(string message)
    {
        var loop = Loop.GetRunningLoop();
        Console.WriteLine($"it={loop.Iteration} t={Py.F3(loop.Time)} {message}");
    }

    /// <summary><c>f"{flag}"</c> of a bool.</summary>
    public static string B(bool flag) => Py.Repr(flag);

    /// <summary>The running loop's iteration (<c>vloop.iteration()</c>).</summary>
    public static long Iteration => Loop.GetRunningLoop().Iteration;
}
