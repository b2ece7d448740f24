using Nito.AsyncEx;

namespace EventLoop.Benchmarks;

/// <summary>
/// The workloads that need no virtual time (W1, W2, W3, W6) on Nito.AsyncEx's <see cref="AsyncContext"/>: a
/// single-threaded context for plain <c>async Task</c> code, the usual .NET answer to "run this on one thread".
/// </summary>
internal static class AsyncContextWorkloads
{
    public static void Run(string name, int n)
    {
        switch (name)
        {
            case "W1":
                AsyncContext.Run(() => Yielder(n));
                break;
            case "W2":
                AsyncContext.Run(() => RoundRobin(n));
                break;
            case "W3":
                AsyncContext.Run(() => Spawn(n));
                break;
            case "W6":
                AsyncContext.Run(() => Chains(n));
                break;
            default:
                throw new ArgumentException($"workload '{name}' has no AsyncContext version", nameof(name));
        }
    }

    private static async Task Yielder(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Task.Yield();
        }
    }

    private static async Task Worker(int switches)
    {
        for (var i = 0; i < switches; i++)
        {
            await Task.Yield();
        }
    }

    private static async Task RoundRobin(int n)
    {
        var workers = new Task[Workload.RoundRobinTasks];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Worker(n / Workload.RoundRobinTasks);
        }

        await Task.WhenAll(workers);
    }

    private static async Task Spawn(int n)
    {
        // A task queued on the context, as create_task queues a task's first step on the loop.
        var factory = AsyncContext.Current!.Factory;
        var children = new Task<int>[n];
        for (var i = 0; i < n; i++)
        {
            children[i] = factory.StartNew(static () => 0);
        }

        await Task.WhenAll(children);
    }

    private static async Task<int> Chain(int depth) => depth == 0 ? 0 : await Chain(depth - 1);

    private static async Task Chains(int n)
    {
        for (var i = 0; i < n / Workload.ChainDepth; i++)
        {
            await Chain(Workload.ChainDepth - 1);
        }
    }
}
