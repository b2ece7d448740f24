using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>05: AsCompleted with a timeout: the items after the deadline throw TimeoutException; the tasks are not cancelled.</summary>
internal static class AsCompletedTimeout
{
    [ConformanceScenario("05_as_completed_timeout")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        (string Name, double Delay)[] specs = [("x", 3), ("y", 1), ("z", 5)];
        var tasks = specs.Select(s => Asyncio.CreateTask(Child(s.Name, s.Delay), s.Name)).ToList();
        var i = 0;
        foreach (var coro in Asyncio.AsCompleted(tasks, timeout: 2))
        {
            try
            {
                Say($"item {i}: {await coro}");
            }
            catch (TimeoutException e)
            {
                Say($"item {i}: {TypeName(e)} {Py.Repr(e.Message)}");
            }

            i++;
        }

        Say("states: " + string.Join(", ", tasks.Select(t => $"{t.Name} done={Py.Repr(t.Done)}")));
        await Asyncio.Wait(tasks);
    }
}
