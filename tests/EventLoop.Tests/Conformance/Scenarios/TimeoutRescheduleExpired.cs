using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>11: Timeout scopes: When, Reschedule (later, never, into the past), Expired, the repr, and Reschedule after the block.</summary>
internal static class TimeoutRescheduleExpired
{
    [ConformanceScenario("11_timeout_reschedule_expired")]
    public static void Run() => Scenario.Run(MainAsync());

    private static string When(TimeoutScope cm) => cm.When is { } when ? Py.F3(when) : "None";

    private static async Coroutine MainAsync()
    {
        var loop = Loop.GetRunningLoop();
        var cm = Asyncio.Timeout(null);
        try
        {
            await cm.Run(async () =>
            {
                Say($"when={When(cm)} expired={Py.Repr(cm.Expired)} {cm}");
                cm.Reschedule(loop.Time + 1);
                Say($"rescheduled when={When(cm)}");
                await Asyncio.Sleep(2);
            });
        }
        catch (TimeoutException)
        {
            Say($"TimeoutError expired={Py.Repr(cm.Expired)} {cm}");
        }

        cm = Asyncio.Timeout(1);
        await cm.Run(async () =>
        {
            cm.Reschedule(null);
            await Asyncio.Sleep(2);
        });
        Say($"no deadline: expired={Py.Repr(cm.Expired)} {cm}");

        try
        {
            cm = Asyncio.Timeout(10);
            await cm.Run(async () =>
            {
                cm.Reschedule(loop.Time - 1);
                Say("rescheduled into the past");
                await Asyncio.Sleep(0);
                Say("not reached");
            });
        }
        catch (TimeoutException)
        {
            Say($"past deadline: TimeoutError expired={Py.Repr(cm.Expired)}");
        }

        try
        {
            cm.Reschedule(null);
        }
        catch (InvalidOperationException)
        {
            Say("reschedule after exit: RuntimeError");
        }

        cm = Asyncio.Timeout(5);
        await cm.Run(() => Asyncio.Sleep(1));
        Say($"exited in time: expired={Py.Repr(cm.Expired)} {cm}");
    }
}
