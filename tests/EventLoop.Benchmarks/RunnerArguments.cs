using System.Globalization;

namespace EventLoop.Benchmarks;

/// <summary>
/// The options <c>compare</c> and <c>scale</c> share: <c>--rounds R</c>, <c>--no-python</c>, <c>--in-process</c>, and
/// for <c>compare</c> <c>--only W1,W4</c>.
/// </summary>
/// <param name="Rounds">How many timed rounds; the tables show their medians.</param>
/// <param name="UsePython">False with <c>--no-python</c>: the CPython side is left out.</param>
/// <param name="Only">The workloads named with <c>--only</c>, or null for all of them.</param>
/// <param name="InProcess">True with <c>--in-process</c>: every .NET measurement in the runner's own process.</param>
internal sealed record RunnerArguments(int Rounds, bool UsePython, string[]? Only, bool InProcess)
{
    /// <summary>
    /// Reads <paramref name="args"/> for the runner <paramref name="command"/>; on an argument it does not know (or
    /// <c>--only</c> where <paramref name="takesOnly"/> is false) it prints the usage and returns null, and on a
    /// workload or a round count it cannot use, what is wrong with it.
    /// </summary>
    public static RunnerArguments? Parse(string[] args, string command, int defaultRounds, bool takesOnly)
    {
        var arguments = new RunnerArguments(defaultRounds, UsePython: true, Only: null, InProcess: false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
                    {
                        Console.Error.WriteLine($"--rounds takes a whole number of rounds, 1 or more, not '{args[i]}'");
                        return null;
                    }

                    arguments = arguments with { Rounds = rounds };
                    break;
                case "--only" when takesOnly && i + 1 < args.Length:
                    var only = args[++i].Split(',');
                    if (only.FirstOrDefault(name => Workload.Find(name) is null) is { } unknown)
                    {
                        Console.Error.WriteLine(Workload.Unknown(unknown));
                        return null;
                    }

                    arguments = arguments with { Only = only };
                    break;
                case "--no-python":
                    arguments = arguments with { UsePython = false };
                    break;
                case "--in-process":
                    arguments = arguments with { InProcess = true };
                    break;
                default:
                    Console.Error.WriteLine(
                        $"unknown argument '{args[i]}': use {command} [--rounds R]{(takesOnly ? " [--only W1,W2]" : "")} [--no-python] [--in-process]");
                    return null;
            }
        }

        return arguments;
    }
}
