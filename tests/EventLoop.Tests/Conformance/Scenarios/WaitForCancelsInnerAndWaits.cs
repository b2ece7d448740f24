using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>07: on timeout WaitFor cancels the inner coroutine and waits for its cleanup, then throws TimeoutException caused by the cancellation.</summary>
internal static class WaitForCancelsInnerAndWaits
{
    [ConformanceScenario("07_wait_for_cancels_inner_and_waits")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine<string> Inner()
    {
        try
        {
            await Asyncio.Sleep(10);
        }
        catch (CancelledError)
        {
            Say("inner cancelled, cleaning up");
            await Asyncio.Sleep(0.5);
            Say("inner cleanup done");
            throw;
        }

        return "never";
    }

    private static async Coroutine MainAsync()
    {
        try
        {
            await Asyncio.WaitFor(Inner(), timeout: 2);
        }
        catch (TimeoutException e)
        {
            Say($"TimeoutError {Py.Repr(e.Message)} caused by {Py.TypeName(e.InnerException!)}");
        }

        Say($"main cancelling={Asyncio.CurrentTask()!.Cancelling()}");
        Say($"fast: {await Asyncio.WaitFor(Child("fast", 1), timeout: 2)}");
    }
}
