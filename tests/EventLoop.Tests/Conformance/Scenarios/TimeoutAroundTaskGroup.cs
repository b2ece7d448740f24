using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>
/// 24: a timeout around a TaskGroup: the deadline cancels the body, the group cancels its children and lets the
/// cancellation out, the timeout turns it into TimeoutException; a TimeoutException of the body joins the group.
/// </summary>
internal static class TimeoutAroundTaskGroup
{
    [ConformanceScenario("24_timeout_around_taskgroup")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var cm = Asyncio.Timeout(1);
        try
        {
            await cm.Run(() => TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(Child("a", 5), "a");
                _ = tg.CreateTask(Child("b", 0.5), "b");
            }));
        }
        catch (TimeoutException)
        {
            Say($"TimeoutError expired={Py.Repr(cm.Expired)} cancelling={Asyncio.CurrentTask()!.Cancelling()}");
        }

        try
        {
            await TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(Child("c", 2, fail: true), "c");
                await Asyncio.Timeout(1).Run(() => Asyncio.Sleep(5));
            });
        }
        catch (ExceptionGroup group) when (group.Subgroup<TimeoutException>() is { } eg)
        {
            Say($"caught {Show(eg)}");
        }

        Say("main continues");
    }
}
