using EventLoop;

namespace Tutorial.Examples;

/// <summary>08 "asyncio.wait()": wait for all three tasks, then print each result (the done set enumerates in creation order).</summary>
public static class Wait
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
        LoopTask<string>[] tasks =
        [
            Asyncio.CreateTask(Fetch("url1")),
            Asyncio.CreateTask(Fetch("url2")),
            Asyncio.CreateTask(Fetch("url3")),
        ];

        // Wait for all
        var (done, pending) = await Asyncio.Wait(tasks);

        foreach (var task in done)
        {
            Console.WriteLine(task.Result());
        }
    }
}
