using EventLoop;

namespace Tutorial.Examples;

/// <summary>15 "Getting All Tasks": main and two tasks not started yet; main is Task-1.</summary>
public static class AllTasks
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

    private static async Coroutine MainAsync()
    {
        var task1 = Asyncio.CreateTask(Fetch("url1"));
        var task2 = Asyncio.CreateTask(Fetch("url2"));

        // Get all running tasks
        var allTasks = Asyncio.AllTasks();
        Console.WriteLine($"Running tasks: {allTasks.Count}"); // 3 (including main)

        // Get current task
        var current = Asyncio.CurrentTask()!;
        Console.WriteLine($"Current: {current.Name}");
        await Task.CompletedTask;
    }
}
