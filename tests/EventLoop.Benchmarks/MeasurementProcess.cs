using System.Diagnostics;
using System.Globalization;

namespace EventLoop.Benchmarks;

/// <summary>
/// This program started again to measure one thing in a process of its own, so that it runs code the JIT compiled
/// from its own profile rather than from whatever the runner measured before it.
/// </summary>
internal static class MeasurementProcess
{
    /// <summary>Runs this program with <paramref name="arguments"/> and returns what it printed; throws if it failed.</summary>
    public static string Run(params string[] arguments)
    {
        // Run as `dotnet EventLoop.Benchmarks.dll` the host is dotnet, which needs the program's path; `dotnet run`
        // starts the program's own executable.
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("This process's executable is not known: run with --in-process.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MeasurementProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the measurement process '{string.Join(' ', arguments)}' exited with {process.ExitCode} (see its error above)."));
        }

        return output;
    }
}
