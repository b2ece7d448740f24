using EventLoop;

namespace Tutorial.Examples;

/// <summary>04 "Named Tasks": the task is never awaited; the runner's shutdown cancels it silently.</summary>
public static class NamedTask
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
        var task = Asyncio.CreateTask(Fetch("url"), name: "fetch_task");
        Console.WriteLine(task.Name); // "fetch_task"
        await Task.CompletedTask;
    }
}
