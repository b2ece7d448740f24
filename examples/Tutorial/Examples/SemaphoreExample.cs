using EventLoop;

namespace Tutorial.Examples;

/// <summary>22 "Limiting Concurrency": 100 fetches through a semaphore of 10 take 10 waves of 1 s.</summary>
public static class SemaphoreExample
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

    private static async Coroutine<string> FetchWithSemaphore(AsyncSemaphore sem, string url)
    {
        // Python's "async with sem:" limits the concurrent requests.
        using (await sem.Acquire())
        {
            return await Fetch(url);
        }
    }

    private static async Coroutine MainAsync()
    {
        var sem = new AsyncSemaphore(10);

        var urls = Enumerable.Range(0, 100).Select(i => $"url{i}").ToList();
        var tasks = urls.Select(url => FetchWithSemaphore(sem, url)).ToList();
        var results = await Asyncio.Gather(tasks);
        Console.WriteLine($"oracle: {results.Length} results: {Py.Repr(results[0])} .. {Py.Repr(results[^1])}");
    }
}
