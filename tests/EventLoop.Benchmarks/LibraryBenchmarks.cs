using BenchmarkDotNet.Attributes;

namespace EventLoop.Benchmarks;

/// <summary>The workloads on the library under BenchmarkDotNet; times and allocations are per op.</summary>
[MemoryDiagnoser]
public class LibraryBenchmarks
{
    private const int Switches = 100_000;
    private const int Tasks = 20_000;
    private const int Levels = 100_000;

    private double[] _delays = [];

    /// <summary>Draws W4's delays once: the benchmark measures the timers, not the random generator.</summary>
    [GlobalSetup]
    public void Setup() => _delays = LibraryWorkloads.Delays(Tasks);

    /// <summary>W1: one task doing N Sleep(0).</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public long W1_Yield() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W1", Switches)).Iterations;

    /// <summary>W1b: one task doing N bare yields (<c>Asyncio.Yield()</c>: no Sleep coroutine frame).</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public long W1b_BareYield() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W1b", Switches)).Iterations;

    /// <summary>W2: 1000 tasks, each N/1000 Sleep(0), gathered.</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public long W2_RoundRobin() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W2", Switches)).Iterations;

    /// <summary>W3: N tasks of a trivial coroutine, gathered.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public long W3_Spawn() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W3", Tasks)).Iterations;

    /// <summary>W3 with the coroutines given to Gather as a sequence, not kept in an array of the program's.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public long W3s_SpawnFromSequence() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W3s", Tasks)).Iterations;

    /// <summary>W4: N tasks each sleeping uniform [0, 1) of virtual time.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public long W4_Timers() => LibraryWorkloads.Run(LibraryWorkloads.TimersOf(_delays)).Iterations;

    /// <summary>W5: N tasks through a semaphore of 10 permits, one Sleep(0) inside, gathered.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public long W5_Semaphore() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W5", Tasks)).Iterations;

    /// <summary>W5 with the coroutines given to Gather as a sequence, not kept in an array of the program's.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public long W5s_SemaphoreFromSequence() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W5s", Tasks)).Iterations;

    /// <summary>W6: N/100 awaits of a 100-deep coroutine chain whose leaf returns at once.</summary>
    [Benchmark(OperationsPerInvoke = Levels)]
    public long W6_Chain() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W6", Levels)).Iterations;

    /// <summary>W6y: as W6, but the leaf does one Sleep(0).</summary>
    [Benchmark(OperationsPerInvoke = Levels)]
    public long W6y_ChainYield() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W6y", Levels)).Iterations;

    /// <summary>W7: N items from one producer to one consumer through a queue of at most 100.</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public long W7_Queue() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W7", Switches)).Iterations;

    /// <summary>W1 with an in-memory trace recorder attached: what tracing costs per switch.</summary>
    [Benchmark(OperationsPerInvoke = Switches)]
    public long W1_Yield_Traced() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W1", Switches), new TraceRecorder()).Iterations;

    /// <summary>W3 with an in-memory trace recorder attached: what tracing costs per task.</summary>
    [Benchmark(OperationsPerInvoke = Tasks)]
    public long W3_Spawn_Traced() => LibraryWorkloads.Run(LibraryWorkloads.Prepare("W3", Tasks), new TraceRecorder()).Iterations;
}
