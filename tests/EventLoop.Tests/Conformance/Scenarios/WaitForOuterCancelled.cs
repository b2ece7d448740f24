using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>09: cancelling the task that awaits WaitFor cancels the inner and waits for it; an inner that finished first wins.</summary>
internal static class WaitForOuterCancelled
{
    [ConformanceScenario("09_wait_for_outer_cancelled")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine<string> Waiter(Func<Coroutine<string>> waitFor)
    {
        try
        {
            return await waitFor();
        }
        catch (CancelledError)
        {
            Say("waiter got CancelledError");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var child = Child("inner", 10);
        var t = Asyncio.CreateTask(Waiter(() => Asyncio.WaitFor(child, timeout: 5)), "waiter");
        await Asyncio.Sleep(1);
        Say($"cancel returned {Py.Repr(t.Cancel("outer"))}");
        try
        {
            await t;
        }
        catch (CancelledError e)
        {
            Say($"main: waiter cancelled {Py.Repr(e.Message)}");
        }

        var inner = Asyncio.CreateTask(Child("quick", 1), "quick");
        t = Asyncio.CreateTask(Waiter(() => Asyncio.WaitFor(inner, timeout: 5)), "waiter2");
        await Asyncio.Sleep(0);
        await Asyncio.Sleep(0);
        await Asyncio.Wait([inner]);
        Say($"inner done, cancel returned {Py.Repr(t.Cancel())}");
        try
        {
            Say($"main: waiter2 returned {Py.Repr(await t)}");
        }
        catch (CancelledError)
        {
            Say("main: waiter2 cancelled");
        }
    }
}
