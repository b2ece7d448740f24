using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>
/// 25: the future a sleeping task waits on (<c>WaitingOn</c>): pending until the timer fires, done from then on even
/// before the task wakes; cancelling the task before and after its timer fired, cancelling the future, setting its
/// result early, and a task that cancels itself just before it sleeps. The library makes that future only when asked
/// for it, so every way of asking is here.
/// </summary>
internal static class SleepFuture
{
    [ConformanceScenario("25_sleep_future")]
    public static void Run() => RunPrintingExceptions(MainAsync());

    private static async Coroutine<string> Sleeper(string name, double delay)
    {
        try
        {
            await Asyncio.Sleep(delay);
        }
        catch (CancelledError e)
        {
            Say($"{name} cancelled {Py.Repr(e.Message)}");
            throw;
        }

        Say($"{name} woke");
        return name;
    }

    private static async Coroutine<string> SelfCancelling()
    {
        Asyncio.CurrentTask()!.Cancel("self");
        try
        {
            await Asyncio.Sleep(3);
        }
        catch (CancelledError e)
        {
            Say($"self_cancelling cancelled {Py.Repr(e.Message)}");
        }

        return "caught";
    }

    private static async Coroutine MainAsync()
    {
        var loop = Loop.GetRunningLoop();

        var t = Asyncio.CreateTask(Sleeper("a", 1), "a");
        await Asyncio.Sleep(0);
        var f = t.WaitingOn!;
        Say($"a waits on a {Py.TypeName(f)}: done={Py.Repr(f.Done)}, asked again the same: {Py.Repr(t.WaitingOn == f)}");
        var a = t;
        loop.CallAt(loop.Time + 1, () =>
        {
            var w = a.WaitingOn!;
            Say($"a's future after its timer: done={Py.Repr(w.Done)}, cancelled={Py.Repr(w.Cancelled)}, same={Py.Repr(w == f)}");
        });
        Say($"a: {await Outcome(t)}");

        var b = Asyncio.CreateTask(Sleeper("b", 1), "b");
        await Asyncio.Sleep(0);
        loop.CallAt(loop.Time + 1, () => Say($"b cancelled after its timer fired: {Py.Repr(b.Cancel("late"))}"));
        Say($"b: {await Outcome(b)}, cancelled={Py.Repr(b.Cancelled)}");

        t = Asyncio.CreateTask(Sleeper("c", 5), "c");
        await Asyncio.Sleep(0);
        Say($"c cancelled while it sleeps: {Py.Repr(t.Cancel("early"))}");
        Say($"c: {await Outcome(t)}");

        t = Asyncio.CreateTask(Sleeper("d", 5), "d");
        await Asyncio.Sleep(0);
        Say($"d's future cancelled: {Py.Repr(t.WaitingOn!.Cancel())}");
        Say($"d: {await Outcome(t)}");

        t = Asyncio.CreateTask(Sleeper("e", 5), "e");
        await Asyncio.Sleep(0);
        ((Future<bool>)t.WaitingOn!).SetResult(true);
        Say($"e: {await Outcome(t)}");

        t = Asyncio.CreateTask(SelfCancelling(), "s");
        Say($"s: {await Outcome(t)}, cancelling={t.Cancelling()}");

        await Asyncio.Sleep(10);
        Say("no timer of theirs fired");
    }
}
