using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>18: nested groups: the inner group's ExceptionGroup fails the outer body, so the outer group cancels its children and nests the group.</summary>
internal static class TaskGroupNesting
{
    [ConformanceScenario("18_taskgroup_nesting")]
    public static void Run() => Scenario.Run(MainAsync());

    private static Coroutine InnerGroup() => TaskGroup.Run(async tg =>
    {
        _ = tg.CreateTask(Child("deep", 1, fail: true), "deep");
        _ = tg.CreateTask(Child("deep-sibling", 3), "deep-sibling");
    });

    private static async Coroutine MainAsync()
    {
        try
        {
            await TaskGroup.Run(async outer =>
            {
                _ = outer.CreateTask(Child("outer-sibling", 3), "outer-sibling");
                _ = outer.CreateTask(InnerGroup(), "inner-group");
                _ = outer.CreateTask(Child("outer-fail", 2, fail: true), "outer-fail");
                await Asyncio.Sleep(5);
            });
        }
        catch (ExceptionGroup eg)
        {
            Say($"caught {Show(eg)}");
            var (match, rest) = eg.Split<ArgumentException>();
            Say($"split ValueError: match={Show(match)} rest={(rest is null ? "None" : Show(rest))}");
        }

        try
        {
            await TaskGroup.Run(async outer =>
            {
                await TaskGroup.Run(async inner =>
                {
                    _ = inner.CreateTask(Child("in-body", 1, fail: true), "in-body");
                    _ = outer.CreateTask(Child("outer-child", 3), "outer-child");
                });
            });
        }
        catch (ExceptionGroup eg)
        {
            Say($"caught {Show(eg)}");
        }
    }
}
