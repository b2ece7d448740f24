using EventLoop;

namespace Tutorial.Examples;

/// <summary>03 "asyncio.create_task()": two fetches as tasks take 1 s in total, not 2.</summary>
public static class CreateTask
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
        // Create tasks - both start immediately
        var task1 = Asyncio.CreateTask(Fetch("url1"));
        var task2 = Asyncio.CreateTask(Fetch("url2"));

        // Tasks are running concurrently now
        Console.WriteLine("Tasks created and running...");

        // Await results
        var result1 = await task1;
        var result2 = await task2;

        Console.WriteLine($"{result1} {result2}");
    }
}
