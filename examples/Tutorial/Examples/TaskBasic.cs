using EventLoop;

namespace Tutorial.Examples;

/// <summary>02 "Tasks": wrap a coroutine in a task, then await the task.</summary>
public static class TaskBasic
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> MyCoroutine()
    {
        await Asyncio.Sleep(1);
        return "result";
    }

    private static async Coroutine MainAsync()
    {
        // Create a task - starts running as soon as main yields
        var task = Asyncio.CreateTask(MyCoroutine());

        // Do other work while task runs...

        // Get the result when needed
        var result = await task;
        Console.WriteLine($"oracle: result={Py.Repr(result)}");
    }
}
