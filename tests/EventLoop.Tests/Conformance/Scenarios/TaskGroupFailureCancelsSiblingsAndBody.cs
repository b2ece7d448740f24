using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>15: the first failing child cancels its siblings (in creation order) and the body; one ExceptionGroup; the parent ends uncancelled.</summary>
internal static class TaskGroupFailureCancelsSiblingsAndBody
{
    [ConformanceScenario("15_taskgroup_failure_cancels_siblings_and_body")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        try
        {
            await TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(Child("b", 3), "b");
                _ = tg.CreateTask(Child("a", 1, fail: true), "a");
                _ = tg.CreateTask(Child("c", 3), "c");
                try
                {
                    await Asyncio.Sleep(10);
                }
                catch (CancelledError)
                {
                    Say("body cancelled");
                    throw;
                }
            });
        }
        catch (ExceptionGroup group) when (group.Subgroup<ArgumentException>() is { } eg)
        {
            Say($"caught {Show(eg)}");
            Say($"str: {eg.Message}");
        }

        Say($"cancelling={Asyncio.CurrentTask()!.Cancelling()}");
        await Asyncio.Sleep(1);
        Say("main continues");
    }
}
