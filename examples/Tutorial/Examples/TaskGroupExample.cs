using EventLoop;

namespace Tutorial.Examples;

/// <summary>19 "TaskGroup": all three tasks are done when the group's block returns, after 1 s.</summary>
public static class TaskGroupExample
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
        var (task1, task2, task3) = await TaskGroup.Run(async tg => (
            tg.CreateTask(Fetch("url1")),
            tg.CreateTask(Fetch("url2")),
            tg.CreateTask(Fetch("url3"))));

        // All tasks are done here
        // If any task raises, all others are cancelled
        Console.WriteLine($"{task1.Result()} {task2.Result()} {task3.Result()}");
    }
}
