using BenchmarkDotNet.Running;
using EventLoop.Benchmarks;

// `compare` runs the side-by-side table (library, AsyncContext, CPython); anything else goes to BenchmarkDotNet
// (e.g. `-- --filter *Library*`).
if (args.Length > 0 && args[0] == "compare")
{
    return CompareRunner.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Workload).Assembly).Run(args);
return 0;
