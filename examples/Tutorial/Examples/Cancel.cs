using EventLoop;

namespace Tutorial.Examples;

/// <summary>11 "Cancelling a Task": the cancellation arrives inside the task, then in whoever awaits it.</summary>
public static class Cancel
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
            await Asyncio.Sleep(10);
            return "completed";
        }
        catch (CancelledError)
        {
            Console.WriteLine("Task was cancelled!");
            throw; // Re-throw to properly cancel
        }
    }

    private static async Coroutine MainAsync()
    {
        var task = Asyncio.CreateTask(LongRunning());

        await Asyncio.Sleep(1);
        task.Cancel(); // Request cancellation

        try
        {
            await task;
        }
        catch (CancelledError)
        {
            Console.WriteLine("Caught cancellation");
        }
    }
}
