using System.Diagnostics;

namespace EventLoop.Benchmarks;

/// <summary>
/// What runs untimed before a measurement: the runtime compiles the hot methods again, optimized, only some time after
/// their first calls, so a measurement must wait for it. Two runs of 150 ms were not enough: right after them, W1 ran
/// anywhere from 17M to 34M switches a second from one process to the next, and W3 at N = 1,000 measured 97 to 558
/// ns per task in one round against 67 to 71 in the next.
/// </summary>
internal static class WarmUp
{
    /// <summary>How long a workload (or one size of it) runs untimed, at the least.</summary>
    public static readonly TimeSpan Time = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="run"/> at least twice and for at least <see cref="Time"/>.</summary>
    public static void Run(Action run)
    {
        var start = Stopwatch.GetTimestamp();
        for (var runs = 0; runs < 2 || Stopwatch.GetElapsedTime(start) < Time; runs++)
        {
            run();
        }
    }
}
