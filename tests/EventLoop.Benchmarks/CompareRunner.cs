using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace EventLoop.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/EventLoop.Benchmarks -- compare [--rounds R] [--only W1,W4] [--no-python] [--in-process]</c>:
/// every workload on the library, on AsyncContext and on CPython, one after another, for several rounds; prints one
/// markdown table of medians. Progress goes to standard error, the table to standard output.
/// </summary>
/// <remarks>
/// Each round of each workload's .NET side runs in a process of its own (<see cref="RoundMeasurement"/>), as
/// BenchmarkDotNet runs each benchmark: in one process, the JIT compiles the methods every workload shares from the
/// profile of whichever workload ran them first, and a later workload runs that code (traced W1 after untraced W1 ran
/// 13.3M switches a second, 16.3M in a process of its own). <c>--in-process</c> measures everything in this process,
/// as the runner did before. CPython runs in one <c>python3</c> process throughout: it has no JIT to carry a profile.
/// </remarks>
internal static class CompareRunner
{
    public static int Run(string[] args)
    {
        if (RunnerArguments.Parse(args, "compare", defaultRounds: 5, takesOnly: true) is not { } arguments)
        {
            return 2;
        }

        var rounds = arguments.Rounds;
        var workloads = arguments.Only is { } only ? [.. only.Select(Workload.Get)] : Workload.All;
        using var python = arguments.UsePython ? PythonWorkloads.TryStart() : null;
        var results = workloads.ToDictionary(w => w.Name, w => new Result(w));
        foreach (var result in results.Values)
        {
            result.PythonCounts = python?.Count(result.Workload.PythonProgram, result.Workload.N);
        }

        for (var round = 1; round <= rounds; round++)
        {
            Console.Error.WriteLine($"round {round}/{rounds}");
            foreach (var result in results.Values)
            {
                var workload = result.Workload;
                var sample = arguments.InProcess ? RoundMeasurement.InThisProcess(workload) : RoundMeasurement.InNewProcess(workload);
                result.Library.Add(sample.Library);
                result.LibraryFromCollectedHeap.Add(sample.LibraryFromCollectedHeap);
                if (sample.AsyncContext is { } context)
                {
                    result.AsyncContext.Add(context);
                }

                result.LibraryCounts = (sample.Iterations, sample.Callbacks);

                // A traced row has the same CPython program as the row it traces: timing it again adds nothing.
                if (python is not null && !workload.Traced)
                {
                    result.Python.Add(python.Time(workload.PythonProgram, workload.N));
                }
            }
        }

        Console.WriteLine(Table(results.Values, rounds, python?.Version, arguments.InProcess));
        return 0;
    }

    private static string Table(IEnumerable<Result> results, int rounds, string? pythonVersion, bool inProcess)
    {
        var text = new StringBuilder();
        var processes = inProcess ? "every .NET measurement in one process" : "each round of each workload's .NET side in a process of its own";
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
            + $".NET {Environment.Version}, CPython {pythonVersion ?? "(not run)"} on a virtual clock; median of {rounds} rounds, {processes}."));
        text.AppendLine();
        text.AppendLine("| workload | op | N | library ops/s | AsyncContext ops/s | CPython ops/s | library ÷ CPython (target) | library ÷ CPython, rounds "
            + "| library ÷ AsyncContext | library B/op | AsyncContext B/op | iterations/op library · CPython | callbacks/op library · CPython | same schedule |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|");
        foreach (var result in results)
        {
            var workload = result.Workload;
            var library = Sample.Median(result.Library.Select(s => s.OpsPerSecond));
            var libraryBytes = Sample.Median(result.Library.Select(s => s.BytesPerOp));
            var context = result.AsyncContext.Count > 0 ? Sample.Median(result.AsyncContext.Select(s => s.OpsPerSecond)) : (double?)null;
            var contextBytes = result.AsyncContext.Count > 0 ? Sample.Median(result.AsyncContext.Select(s => s.BytesPerOp)) : (double?)null;
            var python = result.Python.Count > 0 ? Sample.Median(result.Python) : (double?)null;
            var (libraryIterations, libraryCallbacks) = result.LibraryCounts;
            var pythonCounts = result.PythonCounts;
            text.Append(string.Create(CultureInfo.InvariantCulture, $"| {workload.Name} | {workload.Op} | {workload.N:N0} | {library:N0} | {Or(context, "N0")} | {Or(python, "N0")} "));
            var target = workload.TargetVsCPython > 0
                ? string.Create(CultureInfo.InvariantCulture, $" (≥ {workload.TargetVsCPython:0}×{Verdict(library / python, workload.TargetVsCPython)})")
                : "";
            text.Append(string.Create(CultureInfo.InvariantCulture, $"| {Or(library / python, "F1")}{(python is null ? "" : "×")}{target} "));
            text.Append($"| {RoundRange(result.Library.Select(s => s.OpsPerSecond), result.Python, "F1")} ");
            text.Append(string.Create(CultureInfo.InvariantCulture, $"| {Or(library / context, "F1")}{(context is null ? "" : "×")} | {libraryBytes:F1} | {Or(contextBytes, "F1")} "));
            text.Append(string.Create(CultureInfo.InvariantCulture, $"| {(double)libraryIterations / workload.N:0.####} · {Or((double?)pythonCounts?.Iterations / workload.N, "0.####")} "));
            text.Append(string.Create(CultureInfo.InvariantCulture, $"| {(double)libraryCallbacks / workload.N:0.####} · {Or((double?)pythonCounts?.Callbacks / workload.N, "0.####")} "));
            text.AppendLine(pythonCounts is null ? "| – |" : pythonCounts == result.LibraryCounts ? "| yes |"
                : string.Create(CultureInfo.InvariantCulture, $"| NO ({libraryIterations}/{libraryCallbacks} vs {pythonCounts.Value.Iterations}/{pythonCounts.Value.Callbacks}) |"));
        }

        TracingTable(text, results);
        CollectorTable(text, results);
        return text.ToString();
    }

    /// <summary>The traced rows next to the rows they trace: what an attached instrument costs (one that keeps the events, one that drops them).</summary>
    private static void TracingTable(StringBuilder text, IEnumerable<Result> results)
    {
        var byName = results.ToDictionary(r => r.Workload.Name);
        var pairs = results.Where(r => r.Workload.TracedOf is { } off && byName.ContainsKey(off)).ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("| workload | instrument | tracing off ops/s | tracing on ops/s | off ÷ on (target ≤ 2×) | off ÷ on, rounds | B/op off | B/op on |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        // Two decimals: the ratio is near its target, and 2.0 would print for either side of it.
        foreach (var traced in pairs)
        {
            var plain = byName[traced.Workload.TracedOf!];
            var off = Sample.Median(plain.Library.Select(s => s.OpsPerSecond));
            var on = Sample.Median(traced.Library.Select(s => s.OpsPerSecond));
            var slowdown = off / on;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {plain.Workload.Name} | {(traced.Workload.KeepsEvents ? "TraceRecorder" : "drops events")} | {off:N0} | {on:N0} | {slowdown:F2}×{(slowdown <= 2 ? " ✓" : " ✗")} "
                + $"| {RoundRange(plain.Library.Select(s => s.OpsPerSecond), traced.Library.Select(s => s.OpsPerSecond), "F2")} "
                + $"| {Sample.Median(plain.Library.Select(s => s.BytesPerOp)):F1} | {Sample.Median(traced.Library.Select(s => s.BytesPerOp)):F1} |"));
        }
    }

    /// <summary>
    /// The library measured both ways (see <see cref="Sample"/>): back to back, as in the table above, where collecting
    /// a run's garbage is part of the runs that follow; and each run from a collected heap, collected untimed, where a
    /// run that fits in the youngest generation has no collection at all. The difference is the collector's share.
    /// </summary>
    private static void CollectorTable(StringBuilder text, IEnumerable<Result> results)
    {
        text.AppendLine();
        text.AppendLine("| workload | library ops/s, back to back | library ops/s, from a collected heap | from a collected heap ÷ back to back "
            + "| library ÷ CPython, back to back | library ÷ CPython, from a collected heap |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|");
        foreach (var result in results.Where(r => !r.Workload.Traced))
        {
            var backToBack = Sample.Median(result.Library.Select(s => s.OpsPerSecond));
            var collected = Sample.Median(result.LibraryFromCollectedHeap.Select(s => s.OpsPerSecond));
            var python = result.Python.Count > 0 ? Sample.Median(result.Python) : (double?)null;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Workload.Name} | {backToBack:N0} | {collected:N0} | {collected / backToBack:F2}× "
                + $"| {Or(backToBack / python, "F1")}{(python is null ? "" : "×")} | {Or(collected / python, "F1")}{(python is null ? "" : "×")} |"));
        }
    }

    /// <summary>
    /// The lowest and the highest of the ratios <paramref name="numerators"/>[i] ÷ <paramref name="denominators"/>[i],
    /// one per round: both sides of a round ran within seconds of each other, so the spread shows how much the machine
    /// moved the ratio during the run, which the median hides.
    /// </summary>
    private static string RoundRange(IEnumerable<double> numerators, IEnumerable<double> denominators, string format)
    {
        var ratios = numerators.Zip(denominators, (numerator, denominator) => numerator / denominator).ToList();
        return ratios.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture,
            $"{ratios.Min().ToString(format, CultureInfo.InvariantCulture)}× to {ratios.Max().ToString(format, CultureInfo.InvariantCulture)}×");
    }

    private static string Verdict(double? ratio, double target) => ratio is null ? "" : ratio >= target ? " ✓" : " ✗";

    private static string Or(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private sealed class Result(Workload workload)
    {
        public Workload Workload { get; } = workload;

        public List<Sample> Library { get; } = [];

        public List<Sample> LibraryFromCollectedHeap { get; } = [];

        public List<Sample> AsyncContext { get; } = [];

        public List<double> Python { get; } = [];

        public (long Iterations, long Callbacks) LibraryCounts { get; set; }

        public (long Iterations, long Callbacks)? PythonCounts { get; set; }
    }
}
