using EventLoop;

namespace Tutorial.Examples;

/// <summary>13 "Shielding from Cancellation": nobody cancels main here, so the shielded task's result arrives at 1 s.</summary>
public static class Shield
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> CriticalOperation()
    {
        await Asyncio.Sleep(1);
        return "important result";
    }

    private static async Coroutine MainAsync()
    {
        var task = Asyncio.CreateTask(CriticalOperation());

        // Shield prevents cancellation from propagating
        string result;
        try
        {
            result = await Asyncio.Shield(task);
        }
        catch (CancelledError)
        {
            // Original task continues running
            result = await task;
        }

        Console.WriteLine($"oracle: result={Py.Repr(result)}");
    }
}
