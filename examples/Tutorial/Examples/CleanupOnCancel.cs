using EventLoop;

namespace Tutorial.Examples;

/// <summary>12 "Handling Cancellation": cleanup may await (0.5 s) before re-throwing.</summary>
public static class CleanupOnCancel
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine SaveState()
    {
        await Asyncio.Sleep(0.5);
        Vloop.Log("State saved");
    }

    private static async Coroutine CleanupOnCancelAsync()
    {
        try
        {
            await Asyncio.Sleep(10);
        }
        catch (CancelledError)
        {
            // Perform cleanup
            Console.WriteLine("Cleaning up...");
            await SaveState();
            throw; // Always re-throw the cancellation
        }
    }

    private static async Coroutine MainAsync()
    {
        var task = Asyncio.CreateTask(CleanupOnCancelAsync());
        await Asyncio.Sleep(1);
        task.Cancel();
        try
        {
            await task;
        }
        catch (CancelledError)
        {
            Vloop.Log($"main: task.cancelled()={Py.Repr(task.Cancelled)}");
        }
    }
}
