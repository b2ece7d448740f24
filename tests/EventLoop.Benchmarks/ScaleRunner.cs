using System.Globalization;
using System.Text;

namespace EventLoop.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/EventLoop.Benchmarks -- scale [--rounds R] [--no-python] [--in-process]</c>: W3
/// (spawn) and W4 (timers) at N = 10^3 to 10^6 on the library, in ns per task, and the memory each pending task holds
/// at 10^6 (measured when every task exists and none has finished); then the same sizes on CPython (when python3 is
/// present), whose own growth from 10^3 to 10^6 is the reference for the library's. Prints a markdown table.
/// </summary>
/// <remarks>
/// Each round of each size runs in a process of its own (<see cref="ScalePoint"/>), for the reason <c>compare</c> does;
/// <c>--in-process</c> times every size in this process, as the runner did before.
/// </remarks>
internal static class ScaleRunner
{
    private static readonly int[] Sizes = [1_000, 10_000, 100_000, 1_000_000];

    public static int Run(string[] args)
    {
        if (RunnerArguments.Parse(args, "scale", defaultRounds: 3, takesOnly: false) is not { } arguments)
        {
            return 2;
        }

        var rounds = arguments.Rounds;
        var text = new StringBuilder();
        var processes = arguments.InProcess ? "every size in one process" : "each round of each library size in a process of its own";
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}; median of {rounds} rounds, {processes}."));
        text.AppendLine();
        text.AppendLine("| workload | " + string.Join(" | ", Sizes.Select(n => string.Create(CultureInfo.InvariantCulture, $"ns/task at N = {n:N0}")))
            + " | 10^6 ÷ 10^3 | peak B per pending task at 10^6 |");
        text.AppendLine("|---|" + string.Concat(Sizes.Select(_ => "--:|")) + "--:|--:|");
        var w4Bytes = 0.0;
        foreach (var name in new[] { "W3", "W4" })
        {
            // Times first: measured in this process after the memory's million pending tasks, W3 at N = 1,000 ran four
            // times slower in every round, because the JIT's profile-guided optimization had compiled the hot methods
            // from that run (with DOTNET_TieredPGO=0 it did not happen).
            var nanoseconds = arguments.InProcess
                ? Measure(name, n => ScalePoint.Time(name, n), rounds)
                : Measure(name, n => ScalePoint.InNewProcess(name, n), rounds, warmUp: false);
            Console.Error.WriteLine($"{name}: memory at {Sizes[^1]}");
            var bytes = PeakBytesPerTask(name, Sizes[^1]);
            w4Bytes = bytes;
            text.AppendLine(Row(name, nanoseconds, bytes.ToString("F0", CultureInfo.InvariantCulture)));
        }

        // What the runtime's GC alone costs for W4's pattern: every task's memory allocated, kept until all exist,
        // then released in deadline order, with no loop at all.
        var objects = (int)Math.Round(w4Bytes / SurvivorBaseline.ObjectSize);
        var baseline = Measure("GC alone", n => SurvivorBaseline.Time(n, objects, Sample.MinimumTime), rounds);
        text.AppendLine(Row(string.Create(CultureInfo.InvariantCulture, $"GC alone: {objects} objects of {SurvivorBaseline.ObjectSize} B per task, W4's lifetimes"),
            baseline, "–"));

        // CPython's rows last, once the library's are measured: a run of W4 at 10^6 takes CPython about half a
        // minute, so its sizes are run once per round, with no warm-up (an interpreter has no JIT to warm).
        using var python = arguments.UsePython ? PythonWorkloads.TryStart() : null;
        if (python is not null)
        {
            foreach (var name in new[] { "W3", "W4" })
            {
                var nanoseconds = Measure($"CPython {name}", n => 1e9 / python.Time(name, n), rounds, warmUp: false);
                text.AppendLine(Row($"{name} on CPython {python.Version}", nanoseconds, "–"));
            }
        }

        Console.WriteLine(text.ToString());
        return 0;
    }

    private static List<double> Measure(string name, Func<int, double> time, int rounds, bool warmUp = true)
    {
        var nanoseconds = new List<double>();
        foreach (var n in Sizes)
        {
            Console.Error.WriteLine($"{name} at {n}");
            if (warmUp)
            {
                WarmUp.Run(() => time(n));
            }

            nanoseconds.Add(Sample.Median(Enumerable.Range(0, rounds).Select(_ => time(n))));
        }

        return nanoseconds;
    }

    private static string Row(string name, List<double> nanoseconds, string bytes) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {string.Join(" | ", nanoseconds.Select(ns => ns.ToString("F0", CultureInfo.InvariantCulture)))} | {nanoseconds[^1] / nanoseconds[0]:F2}× | {bytes} |");

    /// <summary>
    /// The heap the workload's N pending tasks hold (their coroutines, tasks, callbacks, timers, the gather), per task:
    /// measured inside the main coroutine once every task exists and, for W4, is asleep.
    /// </summary>
    private static double PeakBytesPerTask(string name, int n)
    {
        long before = 0;
        long peak = 0;

        async Coroutine Main()
        {
            before = GC.GetTotalMemory(forceFullCollection: true);
            var gathered = Asyncio.Gather(LibraryWorkloads.Children(name, n));
            if (name == "W4")
            {
                // The tasks' first steps run before the main task's next one: then every task sleeps on its timer.
                await Asyncio.Sleep(0);
            }

            peak = GC.GetTotalMemory(forceFullCollection: true);
            await gathered;
        }

        LibraryWorkloads.Run(Main());
        return (double)(peak - before) / n;
    }
}
