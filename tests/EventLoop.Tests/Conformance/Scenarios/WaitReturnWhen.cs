using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>04: FirstCompleted returns every task finished in the same iteration; FirstException returns at the first failure, a cancelled task does not count.</summary>
internal static class WaitReturnWhen
{
    [ConformanceScenario("04_wait_return_when")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var a = Asyncio.CreateTask(Child("a", 1), "a");
        var b = Asyncio.CreateTask(Child("b", 1), "b");
        var c = Asyncio.CreateTask(Child("c", 2), "c");
        var (done, pending) = await Asyncio.Wait([c, b, a], returnWhen: ReturnWhen.FirstCompleted);
        Say($"FIRST_COMPLETED done: {Names(done)} pending: {Names(pending)}");

        var d = Asyncio.CreateTask(Child("d", 1), "d");
        var e = Asyncio.CreateTask(Child("e", 2, fail: true), "e");
        var f = Asyncio.CreateTask(Child("f", 3), "f");
        (done, pending) = await Asyncio.Wait([d, e, f], returnWhen: ReturnWhen.FirstException);
        Say($"FIRST_EXCEPTION done: {Names(done)} pending: {Names(pending)}");

        var g = Asyncio.CreateTask(Child("g", 5), "g");
        var h = Asyncio.CreateTask(Child("h", 2), "h");
        Loop.GetRunningLoop().CallLater(0.5, () => g.Cancel());
        (done, pending) = await Asyncio.Wait([g, h], returnWhen: ReturnWhen.FirstException);
        Say($"FIRST_EXCEPTION with a cancelled task done: {Names(done)} pending: {Names(pending)}");
        await Asyncio.Wait([c, f]);
    }
}
