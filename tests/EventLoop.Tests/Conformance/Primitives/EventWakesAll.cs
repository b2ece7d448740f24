using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 53_event_wakes_all: Set wakes every waiter in order in the next iteration; waiting on a set event does not
/// suspend; waiters woken by Set return true even if Clear runs before they do.
/// </summary>
internal static class EventWakesAll
{
    [ConformanceScenario("53_event_wakes_all")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Waiter(AsyncEvent ev, string name)
    {
        Say($"{name} waits");
        var result = await ev.Wait();
        Say($"{name} woke with {B(result)} (is_set={B(ev.IsSet)})");
    }

    private static async Coroutine MainAsync()
    {
        var ev = new AsyncEvent();
        var tasks = "ABC".Select(name => Asyncio.CreateTask(Waiter(ev, name.ToString()))).ToArray();
        await Asyncio.Sleep(0);
        Say("main sets");
        ev.Set();
        await Asyncio.Gather(tasks);
        var before = Iteration;
        await ev.Wait();
        Say($"wait on a set event took {Iteration - before} iterations");

        ev.Clear();
        tasks = "DE".Select(name => Asyncio.CreateTask(Waiter(ev, name.ToString()))).ToArray();
        await Asyncio.Sleep(0);
        ev.Set();
        ev.Clear();
        Say("main set and cleared");
        await Asyncio.Gather(tasks);
        Say("main done");
    }
}
