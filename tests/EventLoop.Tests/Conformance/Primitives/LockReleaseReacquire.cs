using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>51_lock_release_reacquire: a holder that releases and re-acquires at once queues behind the waiter it woke.</summary>
internal static class LockReleaseReacquire
{
    [ConformanceScenario("51_lock_release_reacquire")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Greedy(AsyncLock lk)
    {
        await lk.Acquire();
        Say("greedy holds");
        await Asyncio.Sleep(0);
        for (var round = 0; round < 2; round++)
        {
            lk.Release();
            Say($"greedy released (locked={B(lk.Locked)})");
            await lk.Acquire();
            Say($"greedy re-acquired, round {round}");
            await Asyncio.Sleep(0);
        }

        lk.Release();
        Say("greedy done");
    }

    private static async Coroutine Polite(AsyncLock lk, string name)
    {
        await lk.Acquire();
        Say($"{name} holds");
        lk.Release();
        Say($"{name} released");
    }

    private static async Coroutine MainAsync()
    {
        var lk = new AsyncLock();
        var g = Asyncio.CreateTask(Greedy(lk));
        var p1 = Asyncio.CreateTask(Polite(lk, "P1"));
        var p2 = Asyncio.CreateTask(Polite(lk, "P2"));
        await Asyncio.Gather(g, p1, p2);
        Say("main done");
    }
}
