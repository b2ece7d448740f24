using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>22: a child cancelled on its own is not a failure: the group goes on and ends without an exception.</summary>
internal static class TaskGroupChildCancelledAlone
{
    [ConformanceScenario("22_taskgroup_child_cancelled_alone")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var (a, b) = await TaskGroup.Run(async tg =>
        {
            var a = tg.CreateTask(Child("a", 2), "a");
            var b = tg.CreateTask(Child("b", 1), "b");
            await Asyncio.Sleep(0.5);
            a.Cancel();
            return (a, b);
        });
        Say($"group done: a cancelled={Py.Repr(a.Cancelled)} b result={b.Result()}");
    }
}
