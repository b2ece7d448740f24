using BenchmarkDotNet.Running;
using EventLoop.Benchmarks;

// `compare` runs the side-by-side table (library, AsyncContext, CPython); anything but the runner's commands goes to BenchmarkDotNet
// (e.g. `-- --filter *Library*`).
if (args.Length > 0 && args[0] == "compare")
{
    return CompareRunner.Run(args[1..]);
}

// `compare-round W1`: one round of one workload's .NET side, which `compare` runs in a process of its own.
if (args.Length > 0 && args[0] == RoundMeasurement.Command)
{
    return RoundMeasurement.Run(args[1..]);
}

// `scale-point W4 1000000`: one round of one size, which `scale` runs in a process of its own.
if (args.Length > 0 && args[0] == ScalePoint.Command)
{
    return ScalePoint.Run(args[1..]);
}

// `collector W5s 20000`: one workload run back to back, with what the garbage collector did during the runs.
if (args.Length > 0 && args[0] == CollectorRunner.Command)
{
    return CollectorRunner.Run(args[1..]);
}

// `scale`: W3 and W4 at N = 10^3 to 10^6, and the memory per pending task.
if (args.Length > 0 && args[0] == "scale")
{
    return ScaleRunner.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Workload).Assembly).Run(args);
return 0;
