using EventLoop;

namespace Tutorial.Examples;

/// <summary>16 "asyncio.wait_for()": times out after exactly 2 s.</summary>
public static class WaitFor
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> SlowOperation()
    {
        await Asyncio.Sleep(10);
        return "result";
    }

    private static async Coroutine MainAsync()
    {
        try
        {
            var result = await Asyncio.WaitFor(SlowOperation(), timeout: 2.0);
        }
        catch (TimeoutException)
        {
            Console.WriteLine("Operation timed out!");
        }
    }
}
