using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>17: a cancellation of the parent from outside cancels the children and is not swallowed, also while the group waits for its children.</summary>
internal static class TaskGroupParentCancelled
{
    [ConformanceScenario("17_taskgroup_parent_cancelled")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine Worker(bool bodySleeps)
    {
        try
        {
            await TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(Child("a", 5), "a");
                _ = tg.CreateTask(Child("b", 5), "b");
                if (bodySleeps)
                {
                    await Asyncio.Sleep(10);
                }
            });
        }
        catch (CancelledError e)
        {
            Say($"worker: CancelledError {Py.Repr(e.Message)} cancelling={Asyncio.CurrentTask()!.Cancelling()}");
            throw;
        }
    }

    private static async Coroutine FailingWorker()
    {
        await TaskGroup.Run(async tg =>
        {
            _ = tg.CreateTask(Child("x", 1, fail: true), "x");
            await Asyncio.Sleep(10);
        });
    }

    private static async Coroutine MainAsync()
    {
        var t = Asyncio.CreateTask(Worker(true), "w1");
        await Asyncio.Sleep(1);
        t.Cancel("outside");
        await Asyncio.Wait([t]);
        Say($"w1 cancelled={Py.Repr(t.Cancelled)}");

        t = Asyncio.CreateTask(Worker(false), "w2");
        await Asyncio.Sleep(1);
        t.Cancel("outside");
        await Asyncio.Wait([t]);
        Say($"w2 cancelled={Py.Repr(t.Cancelled)}");

        t = Asyncio.CreateTask(FailingWorker(), "w3");
        var w3 = t;
        Loop.GetRunningLoop().CallLater(1, () => w3.Cancel());
        await Asyncio.Wait([t]);
        if (t.Cancelled)
        {
            Say("w3 cancelled");
        }
        else
        {
            Say($"w3 raised {Show(t.Exception())}");
        }
    }
}
