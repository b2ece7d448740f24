using System.Diagnostics;
using System.Globalization;

namespace EventLoop.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/EventLoop.Benchmarks -- collector W5s 20000 [--runs R]</c>: one workload
/// on the library, run back to back R times (after a second of warm-up), with what the garbage collector did during
/// those runs: collections of each generation and its pauses, per run. Where <c>compare</c> says how fast, this says
/// how much of it was the collector's (the passes since the tenth measured with it what a run keeps alive).
/// </summary>
internal static class CollectorRunner
{
    public const string Command = "collector";

    private const int DefaultRuns = 200;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && Workload.Find(args[0]) is null)
        {
            Console.Error.WriteLine(Workload.Unknown(args[0]));
            return 2;
        }

        if (Parse(args) is not var (workload, n, runs))
        {
            Console.Error.WriteLine($"use {Command} WORKLOAD N [--runs R] (a workload of compare, its ops per run, and how many timed runs, {DefaultRuns} if not given)");
            return 2;
        }

        WarmUp.Run(() => LibraryWorkloads.Prepare(workload, n)());
        Sample.CollectGarbage();

        var nanosecondsPerOp = new double[runs];
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var pause = GC.GetTotalPauseDuration();
        var total = TimeSpan.Zero;
        for (var run = 0; run < runs; run++)
        {
            var timed = LibraryWorkloads.Prepare(workload, n);
            var start = Stopwatch.GetTimestamp();
            timed();
            var elapsed = Stopwatch.GetElapsedTime(start);
            total += elapsed;
            nanosecondsPerOp[run] = elapsed.TotalNanoseconds / n;
        }

        var paused = GC.GetTotalPauseDuration() - pause;
        var perRun = string.Join(", ", Enumerable.Range(0, 3).Select(generation =>
            FormattableString.Invariant($"gen{generation} {(GC.CollectionCount(generation) - collections[generation]) / (double)runs:F2}")));
        Console.WriteLine(FormattableString.Invariant(
            $"{workload.Name} at {n:N0} ops, {runs} runs back to back: {total.TotalNanoseconds / ((double)n * runs):F1} ns per op (median run {Sample.Median(nanosecondsPerOp):F1}); collections per run: {perRun}; the collector paused a run for {paused.TotalMilliseconds / runs:F3} ms, {paused.TotalNanoseconds / ((double)n * runs):F1} ns per op"));
        return 0;
    }

    private static (Workload Workload, int N, int Runs)? Parse(string[] args)
    {
        if (args.Length is not (2 or 4) || Workload.Find(args[0]) is not { } workload
            || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }

        if (args.Length == 2)
        {
            return (workload, n, DefaultRuns);
        }

        return args[2] == "--runs" && int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? (workload, n, runs)
            : null;
    }
}
