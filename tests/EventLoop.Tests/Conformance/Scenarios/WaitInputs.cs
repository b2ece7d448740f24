using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>20: Wait and AsCompleted take each distinct future once; Wait on nothing throws; plain futures work.</summary>
internal static class WaitInputs
{
    [ConformanceScenario("20_wait_inputs")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var t = Asyncio.CreateTask(Child("t", 1), "t");
        var u = Asyncio.CreateTask(Child("u", 2), "u");
        var (done, pending) = await Asyncio.Wait([t, u, t, u, t]);
        Say($"duplicates: done={done.Count} pending={pending.Count}");
        var v = Asyncio.CreateTask(Child("v", 1), "v");
        var w = Asyncio.CreateTask(Child("w", 0.5), "w");
        var results = new List<string>();
        foreach (var coro in Asyncio.AsCompleted([v, w, v]))
        {
            results.Add(await coro);
        }

        Say($"as_completed with duplicates: {Py.Repr(results)}");
        try
        {
            await Asyncio.Wait(Array.Empty<LoopTask>());
        }
        catch (ArgumentException)
        {
            Say("empty wait: ValueError");
        }

        var loop = Loop.GetRunningLoop();
        var fut = loop.CreateFuture<string>();
        loop.CallLater(1, () => fut.SetResult("from a future"));
        var (futDone, futPending) = await Asyncio.Wait([fut], timeout: 0.5);
        Say($"future: done={futDone.Count} pending={futPending.Count}");
        (futDone, _) = await Asyncio.Wait([fut]);
        Say($"future: done={futDone.Count} result={Py.Repr(fut.Result())}");
    }
}
