using EventLoop;

namespace Tutorial.Examples;

/// <summary>05 "asyncio.ensure_future()": a coroutine becomes a task with a default name.</summary>
public static class EnsureFuture
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
        // Works but CreateTask() is preferred
        var task = Asyncio.EnsureFuture(MyCoroutine());
        Console.WriteLine($"oracle: {Py.TypeName(task)} {task.Name}");
        Console.WriteLine($"oracle: result={Py.Repr(await task)}");
    }
}
