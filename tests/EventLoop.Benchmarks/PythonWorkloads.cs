using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace EventLoop.Benchmarks;

/// <summary>
/// The CPython side: one <c>python3 python/workloads.py --serve</c> process, asked for one run at a time so that
/// its runs interleave with the .NET ones (the machine's noise then hits every implementation alike).
/// </summary>
internal sealed class PythonWorkloads : IDisposable
{
    private readonly Process _process;

    private PythonWorkloads(Process process, string version)
    {
        _process = process;
        Version = version;
    }

    /// <summary>The interpreter's version, e.g. "3.11.7".</summary>
    public string Version { get; }

    /// <summary>Starts the worker, or returns null (and says why on standard error) when there is no usable python3.</summary>
    public static PythonWorkloads? TryStart()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "workloads.py");
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--serve");
        try
        {
            var process = Process.Start(start)!;
            var python = new PythonWorkloads(process, "?");
            var version = python.Ask("version").GetProperty("version").GetString() ?? "?";
            return new PythonWorkloads(process, version);
        }
        catch (Win32Exception)
        {
            Console.Error.WriteLine("python3 not found: the CPython column is left out.");
            return null;
        }
    }

    /// <summary>Runs workload <paramref name="name"/> once with <paramref name="n"/> ops; returns ops per second.</summary>
    public double Time(string name, int n) => Ask($"time {name} {n}").GetProperty("ops_per_sec").GetDouble();

    /// <summary>Runs it once on the counting loop; returns its iterations and callbacks.</summary>
    public (long Iterations, long Callbacks) Count(string name, int n)
    {
        var answer = Ask($"count {name} {n}");
        return (answer.GetProperty("iterations").GetInt64(), answer.GetProperty("callbacks").GetInt64());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Close();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private JsonElement Ask(string request)
    {
        _process.StandardInput.WriteLine(request);
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"python3 workloads.py --serve ended without answering '{request}' (see its error above)."));
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
