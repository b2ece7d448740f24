using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>
/// 23: when the awaiter of a shield is cancelled the shield stops following the inner, so an exception the inner
/// raises later is never retrieved, and is reported; if the inner was done by then, the shield retrieves it.
/// </summary>
internal static class ShieldAwaiterCancelledInnerFailsLater
{
    [ConformanceScenario("23_shield_awaiter_cancelled_inner_fails_later")]
    public static void Run() => RunPrintingExceptions(MainAsync());

    private static async Coroutine Awaiter(LoopTask<string> inner)
    {
        try
        {
            await Asyncio.Shield(inner);
        }
        catch (CancelledError)
        {
            Say("awaiter: CancelledError");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var inner = Asyncio.CreateTask(Child("inner", 2, fail: true), "inner");
        var t = Asyncio.CreateTask(Awaiter(inner), "awaiter");
        await Asyncio.Sleep(1);
        t.Cancel();
        await Asyncio.Sleep(2);
        Say($"inner done={Py.Repr(inner.Done)} awaiter cancelled={Py.Repr(t.Cancelled)}");

        var inner2 = Asyncio.CreateTask(Child("inner2", 1, fail: true), "inner2");
        var t2 = Asyncio.CreateTask(Awaiter(inner2), "awaiter2");
        await Asyncio.Sleep(0);
        Loop.GetRunningLoop().CallLater(1, () => t2.Cancel());
        await Asyncio.Sleep(2);
        Say($"inner2 done={Py.Repr(inner2.Done)} awaiter2 cancelled={Py.Repr(t2.Cancelled)}");
    }
}
