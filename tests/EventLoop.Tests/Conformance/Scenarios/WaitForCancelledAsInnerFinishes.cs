using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>
/// 21: a cancel that reaches WaitFor after its inner finished is swallowed: WaitFor returns the result (CPython 3.11
/// behaves so) and the task's Cancelling() stays 1.
/// </summary>
internal static class WaitForCancelledAsInnerFinishes
{
    [ConformanceScenario("21_wait_for_cancelled_as_inner_finishes")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine<string> Waiter(LoopTask<string> inner)
    {
        try
        {
            return await Asyncio.WaitFor(inner, timeout: 5);
        }
        catch (CancelledError)
        {
            Say("waiter got CancelledError");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var inner = Asyncio.CreateTask(Child("quick", 1), "quick");
        var t = Asyncio.CreateTask(Waiter(inner), "waiter");
        await Asyncio.Sleep(0);
        inner.AddDoneCallback(_ => Say($"cancel returned {Py.Repr(t.Cancel())}"));
        try
        {
            var result = await t;
            Say($"main: waiter returned {Py.Repr(result)} cancelling={t.Cancelling()}");
        }
        catch (CancelledError)
        {
            Say("main: waiter cancelled");
        }
    }
}
