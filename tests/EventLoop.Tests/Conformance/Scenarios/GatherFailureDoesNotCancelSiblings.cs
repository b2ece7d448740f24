using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>01: Gather without returnExceptions hands the first exception to the awaiter at once; the other children keep running.</summary>
internal static class GatherFailureDoesNotCancelSiblings
{
    [ConformanceScenario("01_gather_failure_does_not_cancel_siblings")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var gathered = Asyncio.Gather(Child("a", 1, fail: true), Child("b", 2), Child("c", 3));
        try
        {
            await gathered;
        }
        catch (ArgumentException e)
        {
            Say($"main caught {Show(e)}");
        }

        Say($"gather done={Py.Repr(gathered.Done)} cancel()={Py.Repr(gathered.Cancel())}");
        await Asyncio.Sleep(5);
        Say("main end");
    }
}
