using EventLoop;

namespace Tutorial.Examples;

/// <summary>21 "Task with Callback": the done callback runs before the awaiting main resumes (it was registered first).</summary>
public static class TaskCallback
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

    private static void TaskDoneCallback(Future task)
    {
        if (task.Exception() is { } exception)
        {
            Console.WriteLine($"Task failed: {exception.Message}");
        }
        else
        {
            Console.WriteLine($"Task result: {task.Result()}");
        }
    }

    private static async Coroutine MainAsync()
    {
        var task = Asyncio.CreateTask(Fetch("url"));
        task.AddDoneCallback(TaskDoneCallback);
        await task;
        Console.WriteLine("oracle: main resumed after the callback");
    }
}
