using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>13: a cancellation from outside inside a timeout block stays a CancelledError, also when it arrives in the same iteration as the deadline.</summary>
internal static class TimeoutVsOutsideCancel
{
    [ConformanceScenario("13_timeout_vs_outside_cancel")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine Guarded(string name, double limit)
    {
        TimeoutScope cm = null!;
        try
        {
            cm = Asyncio.Timeout(limit);
            await cm.Run(() => Asyncio.Sleep(10));
        }
        catch (TimeoutException)
        {
            Say($"{name}: TimeoutError");
        }
        catch (CancelledError)
        {
            Say($"{name}: CancelledError expired={Py.Repr(cm.Expired)} cancelling={Asyncio.CurrentTask()!.Cancelling()}");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var t = Asyncio.CreateTask(Guarded("early", 5), "early");
        await Asyncio.Sleep(1);
        t.Cancel();
        await Asyncio.Wait([t]);
        Say($"early cancelled={Py.Repr(t.Cancelled)}");

        t = Asyncio.CreateTask(Guarded("same", 1), "same");
        var same = t;
        Loop.GetRunningLoop().CallLater(1, () => same.Cancel());
        await Asyncio.Wait([t]);
        Say($"same cancelled={Py.Repr(t.Cancelled)}");

        t = Asyncio.CreateTask(Guarded("late", 1), "late");
        await Asyncio.Sleep(0);
        await Asyncio.Wait([t]);
        Say($"late cancelled={Py.Repr(t.Cancelled)} cancel()={Py.Repr(t.Cancel())}");
    }
}
