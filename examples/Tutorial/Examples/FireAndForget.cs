using EventLoop;

namespace Tutorial.Examples;

/// <summary>20 "Fire and Forget": main goes on at once; the background job finishes at t=5.</summary>
public static class FireAndForget
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine BackgroundJob()
    {
        await Asyncio.Sleep(5);
        Console.WriteLine("Background job done");
    }

    private static async Coroutine MainAsync()
    {
        // Start task but don't await
        var task = Asyncio.CreateTask(BackgroundJob());

        // Continue with other work
        Console.WriteLine("Main work...");

        // Optionally wait at the end
        await task;
    }
}
