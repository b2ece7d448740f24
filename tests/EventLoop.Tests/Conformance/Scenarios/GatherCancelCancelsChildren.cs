using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>02: cancelling the gather cancels its children and raises CancelledError even with returnExceptions; a cancelled child does too.</summary>
internal static class GatherCancelCancelsChildren
{
    [ConformanceScenario("02_gather_cancel_cancels_children")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var gathered = Asyncio.Gather(returnExceptions: true, Child("a", 1), Child("b", 2));
        await Asyncio.Sleep(0.5);
        Say($"cancel returned {Py.Repr(gathered.Cancel("stop"))}");
        try
        {
            await gathered;
        }
        catch (CancelledError e)
        {
            Say($"main got CancelledError {Py.Repr(e.Message)}");
        }

        Say($"gather cancelled={Py.Repr(gathered.Cancelled)}");

        var c = Asyncio.CreateTask(Child("c", 1), "c");
        var d = Asyncio.CreateTask(Child("d", 1), "d");
        var done = Asyncio.Gather(c, d);
        await Asyncio.Sleep(0);
        c.Cancel();
        try
        {
            await done;
        }
        catch (CancelledError)
        {
            Say("a cancelled child makes gather raise CancelledError");
        }

        Say($"gather cancelled={Py.Repr(done.Cancelled)}");
        await Asyncio.Sleep(2);
    }
}
