using EventLoop;

namespace Tutorial.Examples;

/// <summary>
/// 26 "Solution to Exercise 3": task 3 fails; the group raises an <see cref="ExceptionGroup"/>, split by type the way
/// Python's <c>except*</c> does. Task 4 finished in the same iteration, so nothing was cancelled.
/// </summary>
public static class Exercise3
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<int> Compute(int taskId)
    {
        await Asyncio.Sleep(0.1);
        if (taskId == 3)
        {
            throw new ArgumentException($"Task {taskId} failed");
        }

        return taskId * taskId;
    }

    private static async Coroutine MainAsync()
    {
        List<LoopTask<int>> tasks = [];
        try
        {
            await TaskGroup.Run(async tg =>
            {
                tasks = [.. Enumerable.Range(1, 4).Select(i => tg.CreateTask(Compute(i)))];
            });
        }
        catch (ExceptionGroup group) when (group.Split<ArgumentException>() is ({ } errors, var others))
        {
            // except* ArgumentException: handle the matching part, let the rest propagate
            Console.WriteLine("Errors:");
            foreach (var exc in errors.Exceptions)
            {
                Console.WriteLine($"  {exc.Message}");
            }

            if (others is not null)
            {
                throw others;
            }
        }

        Console.WriteLine("Results from successful tasks:");
        foreach (var t in tasks)
        {
            if (!t.Cancelled && t.Exception() is null)
            {
                Console.WriteLine($"  {t.Result()}");
            }
        }
    }
}
