using EventLoop;

namespace Tutorial.Examples;

/// <summary>06 "asyncio.gather()": results in argument order, after 1 s rather than 3.</summary>
public static class Gather
{
    public static void Run()
    {
        Vloop.Run(MainAsync()); // Takes ~1 second, not 3
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> Fetch(string url)
    {
        await Asyncio.Sleep(1);
        return $"Data from {url}";
    }

    private static async Coroutine MainAsync()
    {
        // Run all concurrently, get results in order
        var results = await Asyncio.Gather(
            Fetch("url1"),
            Fetch("url2"),
            Fetch("url3"));
        Console.WriteLine(Py.Repr(results)); // ["Data from url1", "Data from url2", "Data from url3"]
    }
}
