using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>10: WaitFor without a timeout awaits inline in the same task; a zero timeout cancels a pending task at once and returns a done one's result.</summary>
internal static class WaitForNoTimeoutAndZero
{
    [ConformanceScenario("10_wait_for_no_timeout_and_zero")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine<string> Where()
    {
        await Asyncio.Sleep(1);
        return Asyncio.CurrentTask()!.Name;
    }

    private static async Coroutine MainAsync()
    {
        Say($"timeout None runs in {await Asyncio.WaitFor(Where(), null)}");
        Say($"timeout 2 runs in {await Asyncio.WaitFor(Where(), 2)}");
        var pending = Asyncio.CreateTask(Child("pending", 1), "pending");
        try
        {
            await Asyncio.WaitFor(pending, 0);
        }
        catch (TimeoutException)
        {
            Say($"timeout 0: TimeoutError, pending cancelled={Py.Repr(pending.Cancelled)}");
        }

        var finished = Asyncio.CreateTask(Child("finished", 1), "finished");
        await Asyncio.Sleep(2);
        Say($"timeout 0 on a done task: {await Asyncio.WaitFor(finished, 0)}");
        try
        {
            await Asyncio.WaitFor(Child("never", 1), 0);
        }
        catch (TimeoutException)
        {
            Say("timeout 0 on a coroutine: TimeoutError");
        }
    }
}
