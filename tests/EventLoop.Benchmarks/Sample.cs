using System.Diagnostics;

namespace EventLoop.Benchmarks;

/// <summary>A timed measurement: operations per second and bytes allocated per operation.</summary>
internal sealed record Sample(double OpsPerSecond, double BytesPerOp)
{
    /// <summary>A measurement repeats the workload until this much time has passed, so that short runs are not all noise.</summary>
    public static readonly TimeSpan MinimumTime = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Times a workload of <paramref name="n"/> ops, built untimed by <paramref name="prepare"/>, again and again until
    /// <see cref="MinimumTime"/> has passed: back to back, so that collecting one run's garbage falls inside the runs that
    /// follow, as it does in a program that runs many (and as CPython frees its objects inside each run). Only the
    /// garbage from before the measurement is collected first.
    /// </summary>
    public static Sample Measure(int n, Func<Action> prepare) => Measure(n, prepare, collectBeforeEachRun: false);

    /// <summary>
    /// As <see cref="Measure(int, Func{Action})"/>, but every run starts from a collected heap, the collection untimed:
    /// a run whose objects fit in the youngest generation then has no collection at all, as in a process that runs it
    /// once and exits. What that leaves out is the collector's share of a run.
    /// </summary>
    public static Sample MeasureFromCollectedHeap(int n, Func<Action> prepare) => Measure(n, prepare, collectBeforeEachRun: true);

    private static Sample Measure(int n, Func<Action> prepare, bool collectBeforeEachRun)
    {
        var elapsed = TimeSpan.Zero;
        long bytes = 0;
        long ops = 0;
        CollectGarbage();
        while (elapsed < MinimumTime)
        {
            var run = prepare();
            if (collectBeforeEachRun)
            {
                CollectGarbage();
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            run();
            elapsed += Stopwatch.GetElapsedTime(start);
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            ops += n;
        }

        return new Sample(ops / elapsed.TotalSeconds, (double)bytes / ops);
    }

    /// <summary>Collects every generation and runs the finalizers, so that a measurement starts from nothing left over.</summary>
    public static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
