using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 57_semaphore_fairness: a release hands the permit to the first waiter at once, so a task asking in the same
/// step queues behind the waiters; a woken waiter that finds permits left wakes the next one.
/// </summary>
internal static class SemaphoreFairness
{
    [ConformanceScenario("57_semaphore_fairness")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Worker(AsyncSemaphore sem, string name, double hold)
    {
        Say($"{name} asks (locked={B(sem.Locked)}, value={sem.Value})");
        using (await sem.Acquire())
        {
            Say($"{name} got a permit (value={sem.Value})");
            await Asyncio.Sleep(hold);
        }

        Say($"{name} returned its permit (value={sem.Value})");
    }

    private static async Coroutine MainAsync()
    {
        var sem = new AsyncSemaphore(2);
        var tasks = "ABCDE".Select(name => Asyncio.CreateTask(Worker(sem, name.ToString(), 1))).ToList();
        await Asyncio.Sleep(0.5);
        Say($"main: locked={B(sem.Locked)} value={sem.Value}");
        await Asyncio.Sleep(0.5);
        tasks.Add(Asyncio.CreateTask(Worker(sem, "Late", 0)));
        await Asyncio.Gather(tasks.ToArray());

        Say("burst: two releases in one step");
        await sem.Acquire();
        await sem.Acquire();
        tasks = "XYZ".Select(name => Asyncio.CreateTask(Worker(sem, name.ToString(), 0))).ToList();
        await Asyncio.Sleep(0);
        sem.Release();
        sem.Release();
        Say($"main released two (value={sem.Value})");
        await Asyncio.Gather(tasks.ToArray());

        Say("newcomer while a woken waiter has not run");
        await sem.Acquire();
        await sem.Acquire();
        var w = Asyncio.CreateTask(Worker(sem, "W", 0));
        await Asyncio.Sleep(0);
        sem.Release();
        sem.Release();
        Say($"main released two (value={sem.Value}, locked={B(sem.Locked)})");
        await sem.Acquire();
        Say($"main got a permit from W's wake-up (value={sem.Value})");
        sem.Release();
        await w;
        Say($"main done (value={sem.Value})");
    }
}
