using System.Diagnostics;

namespace EventLoop.Benchmarks;

/// <summary>A timed measurement: operations per second and bytes allocated per operation.</summary>
internal sealed record Sample(double OpsPerSecond, double BytesPerOp)
{
    /// <summary>A measurement repeats the workload until this much time has passed, so that short runs are not all noise.</summary>
    public static readonly TimeSpan MinimumTime = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Times a workload of <paramref name="n"/> ops, built untimed by <paramref name="prepare"/> and run from a collected
    /// heap, again and again until <see cref="MinimumTime"/> has passed.
    /// </summary>
    public static Sample Measure(int n, Func<Action> prepare)
    {
        var elapsed = TimeSpan.Zero;
        long bytes = 0;
        long ops = 0;
        while (elapsed < MinimumTime)
        {
            var run = prepare();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            run();
            elapsed += Stopwatch.GetElapsedTime(start);
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            ops += n;
        }

        return new Sample(ops / elapsed.TotalSeconds, (double)bytes / ops);
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
