using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>03: Wait returns at the timeout without raising the failure or cancelling what is pending; waiting on done tasks still costs iterations.</summary>
internal static class WaitNeverRaisesOrCancels
{
    [ConformanceScenario("03_wait_never_raises_or_cancels")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var ok = Asyncio.CreateTask(Child("ok", 1), "ok");
        var bad = Asyncio.CreateTask(Child("bad", 1, fail: true), "bad");
        var slow = Asyncio.CreateTask(Child("slow", 5), "slow");
        var (done, pending) = await Asyncio.Wait([slow, bad, ok], timeout: 2);
        Say($"done: {Names(done)} pending: {Names(pending)}");
        Say($"bad exception: {Show(bad.Exception())}");
        Say($"slow done={Py.Repr(slow.Done)} cancelled={Py.Repr(slow.Cancelled)}");
        var before = Loop.GetRunningLoop().Iteration;
        (done, pending) = await Asyncio.Wait([ok, bad]);
        Say($"wait on done tasks: {done.Count} done after {Loop.GetRunningLoop().Iteration - before} iterations");
        Say($"slow result {await slow}");
    }
}
