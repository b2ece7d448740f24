using EventLoop;

namespace Tutorial.Examples;

/// <summary>25 "Solution to Exercise 2": cancel a long-running task after 0.5 s.</summary>
public static class Exercise2
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> LongRunning()
    {
        try
        {
            Console.WriteLine("Task: started");
            await Asyncio.Sleep(10);
            return "done";
        }
        catch (CancelledError)
        {
            Console.WriteLine("Task: cancelled, cleaning up");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var t = Asyncio.CreateTask(LongRunning());
        await Asyncio.Sleep(0.5);
        t.Cancel();

        try
        {
            await t;
        }
        catch (CancelledError)
        {
            Console.WriteLine("Caller: handled cancellation");
        }
    }
}
