using EventLoop;

namespace Tutorial.Examples;

/// <summary>
/// 09 "Wait Options": FirstCompleted returns all three tasks when they finish in the same loop iteration;
/// FirstException without exceptions waits for all; the timeout is not reached.
/// </summary>
public static class WaitOptions
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> Fetch(string url)
    {
        await Asyncio.Sleep(1);
        return $"Data from {url}";
    }

    private static LoopTask<string>[] MakeTasks() =>
        [.. new[] { 1, 2, 3 }.Select(i => Asyncio.CreateTask(Fetch($"url{i}")))];

    private static async Coroutine MainAsync()
    {
        var tasks = MakeTasks();
        // Wait for first to complete
        var (done, pending) = await Asyncio.Wait(tasks, returnWhen: ReturnWhen.FirstCompleted);
        Vloop.Log($"FIRST_COMPLETED: done={done.Count} pending={pending.Count}");

        tasks = MakeTasks();
        // Wait for first exception
        (done, pending) = await Asyncio.Wait(tasks, returnWhen: ReturnWhen.FirstException);
        Vloop.Log($"FIRST_EXCEPTION: done={done.Count} pending={pending.Count}");

        tasks = MakeTasks();
        // Wait with timeout
        (done, pending) = await Asyncio.Wait(tasks, timeout: 5.0);
        Vloop.Log($"timeout=5.0: done={done.Count} pending={pending.Count}");
    }
}
