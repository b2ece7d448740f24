using System.Globalization;

namespace EventLoop.Benchmarks;

/// <summary>
/// One size of one <c>scale</c> workload on the library, in ns per task. <c>scale</c> measures each round of each size
/// in a process of its own (<see cref="InNewProcess"/>), as <c>compare</c> does its rounds: in one process, every size
/// after the first ran code the JIT compiled from the profile of N = 1,000; with <c>--in-process</c> it calls
/// <see cref="Time"/> instead.
/// </summary>
internal static class ScalePoint
{
    /// <summary>The command a measurement process is started with: <c>scale-point W4 1000000</c>.</summary>
    public const string Command = "scale-point";

    /// <summary>Nanoseconds per task for one size, the main coroutine built untimed, measured in the calling process.</summary>
    public static double Time(string name, int n) => 1e9 / Sample.Measure(n, () =>
    {
        var main = LibraryWorkloads.Prepare(name, n);
        return () => LibraryWorkloads.Run(main);
    }).OpsPerSecond;

    /// <summary>Warms up and measures one size in a new process of this program, which prints the nanoseconds per task.</summary>
    public static double InNewProcess(string name, int n)
    {
        var output = MeasurementProcess.Run(Command, name, n.ToString(CultureInfo.InvariantCulture));
        return double.Parse(output, CultureInfo.InvariantCulture);
    }

    /// <summary>What a measurement process does: warms up the size named in <paramref name="args"/>, measures it once and prints it.</summary>
    public static int Run(string[] args)
    {
        if (args is not [var name and ("W3" or "W4"), var size]
            || !int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            Console.Error.WriteLine($"use {Command} W3|W4 N (a workload of scale and a number of tasks, 1 or more)");
            return 2;
        }

        WarmUp.Run(() => Time(name, n));
        Console.WriteLine(Time(name, n).ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }
}
