using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>16: failures in one iteration are all collected; the body's own exception joins the group; cancelled children are not errors.</summary>
internal static class TaskGroupErrors
{
    [ConformanceScenario("16_taskgroup_errors")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        try
        {
            await TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(Child("a", 1, fail: true), "a");
                _ = tg.CreateTask(Child("b", 1, fail: true), "b");
                _ = tg.CreateTask(Child("c", 5), "c");
            });
        }
        catch (ExceptionGroup group) when (group.Subgroup<ArgumentException>() is { } eg)
        {
            Say($"caught {Show(eg)}");
        }

        try
        {
            await TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(Child("d", 1), "d");
                _ = tg.CreateTask(Child("e", 2), "e");
                await Asyncio.Sleep(0.5);
                throw new InvalidOperationException("body failed");
            });
        }
        catch (ExceptionGroup eg)
        {
            Say($"caught {Show(eg)}");
            var (match, rest) = eg.Split<ArgumentException>();
            Say($"split ValueError: match={(match is null ? "None" : Show(match))} rest={Show(rest)}");
        }

        var (f, g) = await TaskGroup.Run(async tg => (tg.CreateTask(Child("f", 1), "f"), tg.CreateTask(Child("g", 2), "g")));
        Say($"no failure: results {f.Result()} {g.Result()}");
    }
}
