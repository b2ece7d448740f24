using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>19: CreateTask after the group finished, and while it is shutting down, throws; a child may add a task while the group waits.</summary>
internal static class TaskGroupCreateTaskMisuse
{
    [ConformanceScenario("19_taskgroup_create_task_misuse")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine LateCreator(TaskGroup group)
    {
        try
        {
            await Asyncio.Sleep(5);
        }
        catch (CancelledError)
        {
            var c = Child("during-abort", 1);
            try
            {
                _ = group.CreateTask(c);
            }
            catch (InvalidOperationException)
            {
                Say("while shutting down: RuntimeError");
                c.Close();
            }

            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        TaskGroup finished = null!;
        await TaskGroup.Run(async tg =>
        {
            finished = tg;
            _ = tg.CreateTask(Child("a", 1), "a");
        });
        var coro = Child("late", 1);
        try
        {
            _ = finished.CreateTask(coro);
        }
        catch (InvalidOperationException)
        {
            Say("after the group finished: RuntimeError");
            coro.Close();
        }

        try
        {
            await TaskGroup.Run(async tg =>
            {
                _ = tg.CreateTask(LateCreator(tg), "creator");
                _ = tg.CreateTask(Child("b", 1, fail: true), "b");
            });
        }
        catch (ExceptionGroup group) when (group.Subgroup<ArgumentException>() is { } eg)
        {
            Say($"caught {Show(eg)}");
        }

        await TaskGroup.Run(async tg =>
        {
            async Coroutine Spawner()
            {
                await Asyncio.Sleep(1);
                _ = tg.CreateTask(Child("spawned", 1), "spawned");
                Say("a child may add a task while the group waits");
            }

            _ = tg.CreateTask(Spawner(), "spawner");
        });
        Say("group with spawned task done");
    }
}
