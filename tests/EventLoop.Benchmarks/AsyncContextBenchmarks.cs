using BenchmarkDotNet.Attributes;

namespace EventLoop.Benchmarks;

/// <summary>The workloads without virtual time on Nito.AsyncEx's AsyncContext, for comparison; per op.</summary>
[MemoryDiagnoser]
public class AsyncContextBenchmarks
{
    private const int Switches = 100_000;
    private const int Tasks = 20_000;
    private const int Levels = 100_000;

    /// <summary>W1: one task doing N Task.Yield().</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public void W1_Yield() => AsyncContextWorkloads.Run("W1", Switches);

    /// <summary>W2: 1000 tasks, each N/1000 Task.Yield(), awaited with WhenAll.</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public void W2_RoundRobin() => AsyncContextWorkloads.Run("W2", Switches);

    /// <summary>W3: N trivial tasks queued on the context, awaited with WhenAll.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public void W3_Spawn() => AsyncContextWorkloads.Run("W3", Tasks);

    /// <summary>W6: N/100 awaits of a 100-deep async Task chain whose leaf returns at once.</summary>
    [Benchmark(OperationsPerInvoke = Levels)]
    public void W6_Chain() => AsyncContextWorkloads.Run("W6", Levels);
}
