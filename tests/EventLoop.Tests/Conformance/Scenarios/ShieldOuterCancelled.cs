using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>14: Shield: cancelling the awaiter leaves the inner running; cancelling the inner cancels the shield; a done inner costs no iteration.</summary>
internal static class ShieldOuterCancelled
{
    [ConformanceScenario("14_shield_outer_cancelled")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine<string> Awaiter(LoopTask<string> inner)
    {
        try
        {
            return await Asyncio.Shield(inner);
        }
        catch (CancelledError)
        {
            Say("awaiter: CancelledError");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var inner = Asyncio.CreateTask(Child("inner", 2), "inner");
        var t = Asyncio.CreateTask(Awaiter(inner), "awaiter");
        await Asyncio.Sleep(1);
        Say($"cancel awaiter returned {Py.Repr(t.Cancel())}");
        await Asyncio.Wait([t]);
        Say($"awaiter cancelled={Py.Repr(t.Cancelled)} inner done={Py.Repr(inner.Done)}");
        Say($"inner result {await inner}");

        inner = Asyncio.CreateTask(Child("inner2", 2), "inner2");
        t = Asyncio.CreateTask(Awaiter(inner), "awaiter2");
        await Asyncio.Sleep(1);
        inner.Cancel();
        await Asyncio.Wait([t]);
        Say($"inner cancelled: awaiter cancelled={Py.Repr(t.Cancelled)}");

        var loop = Loop.GetRunningLoop();
        var before = loop.Iteration;
        Say($"shield of a done task: {Py.Repr(await Asyncio.Shield(Asyncio.CreateTask(Child("x", 0))))}");
        Say($"iterations: {loop.Iteration - before}");
        var done = Asyncio.CreateTask(Child("y", 0), "y");
        await Asyncio.Sleep(0);
        await Asyncio.Sleep(0);
        before = loop.Iteration;
        Say($"shield of a finished task: {Py.Repr(await Asyncio.Shield(done))} after {loop.Iteration - before} iterations");
    }
}
