using System.Text.Json;

namespace EventLoop.Benchmarks;

/// <summary>
/// One round of one workload's .NET side: its schedule counted, its code warmed up, then timed measurements on the
/// library (back to back, and each run from a collected heap: see <see cref="Sample"/>) and on AsyncContext (back to
/// back). <c>compare</c> runs each round in a process of its own (<see cref="InNewProcess"/>),
/// so that no workload runs code the JIT compiled from another workload's profile; with <c>--in-process</c> it calls
/// <see cref="InThisProcess"/> instead.
/// </summary>
internal static class RoundMeasurement
{
    /// <summary>The command a measurement process is started with: <c>compare-round W1</c>.</summary>
    public const string Command = "compare-round";

    /// <summary>Measures a round of <paramref name="workload"/> here, in the calling process.</summary>
    public static RoundSample InThisProcess(Workload workload)
    {
        var (iterations, callbacks) = LibraryWorkloads.Run(LibraryWorkloads.Prepare(workload.Program, workload.N), workload.NewInstrument());

        // Discarded measurements first, so that the timed one runs optimized code.
        WarmUp.Run(() =>
        {
            MeasureLibrary(workload);
            if (workload.OnAsyncContext)
            {
                MeasureAsyncContext(workload);
            }
        });

        return new RoundSample(MeasureLibrary(workload), MeasureLibraryFromCollectedHeap(workload),
            workload.OnAsyncContext ? MeasureAsyncContext(workload) : null, iterations, callbacks);
    }

    /// <summary>Measures a round of <paramref name="workload"/> in a new process of this program, which prints it as JSON.</summary>
    public static RoundSample InNewProcess(Workload workload)
    {
        var output = MeasurementProcess.Run(Command, workload.Name);
        return JsonSerializer.Deserialize<RoundSample>(output)
            ?? throw new InvalidOperationException($"the measurement process for {workload.Name} printed no round: '{output}'.");
    }

    /// <summary>What a measurement process does: measures a round of the workload named in <paramref name="args"/> and prints it.</summary>
    public static int Run(string[] args)
    {
        if (args is not [var name])
        {
            Console.Error.WriteLine($"use {Command} W1 (one workload's name)");
            return 2;
        }

        if (Workload.Find(name) is not { } workload)
        {
            Console.Error.WriteLine(Workload.Unknown(name));
            return 2;
        }

        Console.WriteLine(JsonSerializer.Serialize(InThisProcess(workload)));
        return 0;
    }

    private static Sample MeasureLibrary(Workload workload) =>
        Sample.Measure(workload.N, () => LibraryWorkloads.Prepare(workload, workload.N));

    private static Sample MeasureLibraryFromCollectedHeap(Workload workload) =>
        Sample.MeasureFromCollectedHeap(workload.N, () => LibraryWorkloads.Prepare(workload, workload.N));

    private static Sample MeasureAsyncContext(Workload workload) =>
        Sample.Measure(workload.N, () => () => AsyncContextWorkloads.Run(workload.Name, workload.N));
}

/// <summary>
/// One round of a workload: the library's samples (back to back, and from a collected heap), AsyncContext's (if it has
/// one), and the library's schedule.
/// </summary>
internal sealed record RoundSample(Sample Library, Sample LibraryFromCollectedHeap, Sample? AsyncContext, long Iterations, long Callbacks);
