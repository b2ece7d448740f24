using EventLoop;

namespace Tutorial.Examples;

/// <summary>24 "Solution to Exercise 1": <c>AsCompleted</c> gives the shorter tasks first, 0.1 s apart.</summary>
public static class Exercise1
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> Task(string name, double delay)
    {
        await Asyncio.Sleep(delay);
        return name;
    }

    private static async Coroutine MainAsync()
    {
        var tasks = Enumerable.Range(0, 5)
            .Select(i => Asyncio.CreateTask(Task($"task-{i}", 0.1 * (i + 1))))
            .ToList();

        await foreach (var result in Asyncio.AsCompleted(tasks))
        {
            Console.WriteLine($"Completed: {result}");
        }
    }
}
