using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>
/// 06: AsCompleted hands results and exceptions in completion order; each item costs the iterations of CPython's
/// queue-based <c>_wait_for_one</c>, with <c>foreach</c> and with <c>await foreach</c> alike.
/// </summary>
internal static class AsCompletedOrderAndFailures
{
    [ConformanceScenario("06_as_completed_order_and_failures")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        LoopTask<string>[] tasks =
        [
            Asyncio.CreateTask(Child("a", 2), "a"),
            Asyncio.CreateTask(Child("b", 1, fail: true), "b"),
            Asyncio.CreateTask(Child("c", 1), "c"),
        ];
        foreach (var coro in Asyncio.AsCompleted(tasks))
        {
            try
            {
                Say($"got {await coro}");
            }
            catch (ArgumentException e)
            {
                Say($"got exception {Show(e)}");
            }
        }

        tasks = [.. Enumerable.Range(0, 3).Select(i => Asyncio.CreateTask(Child($"n{i}", 0.5 * (3 - i)), $"n{i}"))];
        await foreach (var result in Asyncio.AsCompleted(tasks))
        {
            Say($"got {result}");
        }

        Say("all done");
    }
}
