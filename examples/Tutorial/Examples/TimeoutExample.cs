using EventLoop;

namespace Tutorial.Examples;

/// <summary>17 "asyncio.timeout()": the <see cref="TimeoutException"/> (empty message) escapes the run at 2 s.</summary>
public static class TimeoutExample
{
    public static void Run()
    {
        try
        {
            Vloop.Run(MainAsync());
        }
        catch (Exception e)
        {
            Console.WriteLine($"oracle: run() raised {Py.TypeName(e)}: {Py.Repr(e.Message)}");
        }

        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> SlowOperation()
    {
        await Asyncio.Sleep(10);
        return "result";
    }

    private static async Coroutine MainAsync()
    {
        // Throws TimeoutException if it takes more than 2 seconds
        await Asyncio.Timeout(2.0).Run(SlowOperation);
    }
}
