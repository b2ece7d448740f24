using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 54_condition_notify: Notify(2) wakes the two oldest waiters, which re-acquire the lock one after the other;
/// NotifyAll wakes the rest in order.
/// </summary>
internal static class ConditionNotify
{
    [ConformanceScenario("54_condition_notify")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Waiter(AsyncCondition cond, string name)
    {
        using (await cond.Acquire())
        {
            Say($"{name} waits");
            var result = await cond.Wait();
            Say($"{name} woke with {B(result)} holding the lock (locked={B(cond.Locked)})");
            await Asyncio.Sleep(0);
            Say($"{name} releases");
        }
    }

    private static async Coroutine MainAsync()
    {
        var cond = new AsyncCondition();
        var tasks = "ABCDE".Select(name => Asyncio.CreateTask(Waiter(cond, name.ToString()))).ToArray();
        await Asyncio.Sleep(0);
        using (await cond.Acquire())
        {
            Say("main notifies 2");
            cond.Notify(2);
            await Asyncio.Sleep(0);
            Say("main releases");
        }

        await Asyncio.Sleep(0.1);
        using (await cond.Acquire())
        {
            Say("main notifies all");
            cond.NotifyAll();
        }

        await Asyncio.Gather(tasks);
        Say("main done");
    }
}
