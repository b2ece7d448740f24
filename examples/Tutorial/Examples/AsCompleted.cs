using EventLoop;

namespace Tutorial.Examples;

/// <summary>10 "asyncio.as_completed()": results in completion order (fast, medium, slow), 3 s in total.</summary>
public static class AsCompleted
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> Fetch(string url, double delay = 1)
    {
        await Asyncio.Sleep(delay);
        return $"Data from {url}";
    }

    private static async Coroutine MainAsync()
    {
        LoopTask<string>[] tasks =
        [
            Asyncio.CreateTask(Fetch("slow", 3)),
            Asyncio.CreateTask(Fetch("fast", 1)),
            Asyncio.CreateTask(Fetch("medium", 2)),
        ];

        // Yields coroutines in completion order
        foreach (var coro in Asyncio.AsCompleted(tasks))
        {
            var result = await coro;
            Console.WriteLine($"Got result: {result}");
        }
    }
}
