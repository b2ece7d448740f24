using System.Runtime.CompilerServices;
using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>55_condition_wait_for: the predicate is checked first and after every notification.</summary>
internal static class ConditionWaitFor
{
    [ConformanceScenario("55_condition_wait_for")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Consumer(AsyncCondition cond, StrongBox<int> state)
    {
        using (await cond.Acquire())
        {
            Say("consumer waits for value >= 3");
            var result = await cond.WaitFor(() => state.Value >= 3);
            Say($"consumer sees value {state.Value} (wait_for returned {B(result)})");
        }
    }

    private static async Coroutine MainAsync()
    {
        var cond = new AsyncCondition();
        var state = new StrongBox<int>(0);
        var task = Asyncio.CreateTask(Consumer(cond, state));
        for (var i = 0; i < 4; i++)
        {
            await Asyncio.Sleep(1);
            using (await cond.Acquire())
            {
                state.Value++;
                Say($"producer sets value {state.Value} and notifies");
                cond.Notify();
            }
        }

        await task;
        using (await cond.Acquire())
        {
            var result = await cond.WaitFor(() => true);
            Say($"wait_for of a true predicate returned {B(result)} without waiting");
        }

        Say("main done");
    }
}
