using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>50_lock_fifo: waiters get the lock in the order they asked; each hand-off costs one iteration.</summary>
internal static class LockFifo
{
    [ConformanceScenario("50_lock_fifo")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Worker(AsyncLock lk, string name)
    {
        Say($"{name} wants the lock (locked={B(lk.Locked)})");
        using (await lk.Acquire())
        {
            Say($"{name} holds the lock");
            await Asyncio.Sleep(0);
            Say($"{name} releases");
        }

        Say($"{name} done");
    }

    private static async Coroutine MainAsync()
    {
        var lk = new AsyncLock();
        var tasks = "ABCD".Select(name => Asyncio.CreateTask(Worker(lk, name.ToString()))).ToArray();
        await Asyncio.Gather(tasks);
        Say($"main done (locked={B(lk.Locked)})");
    }
}
