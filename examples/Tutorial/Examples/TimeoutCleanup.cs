using EventLoop;

namespace Tutorial.Examples;

/// <summary>
/// 18 "Timeout with Cleanup": when <c>WaitFor</c> times out it has already cancelled the task and waited for it, so
/// the tutorial's <c>Cancel()</c> returns false.
/// </summary>
public static class TimeoutCleanup
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
        var task = Asyncio.CreateTask(SlowOperation());

        try
        {
            var result = await Asyncio.WaitFor(task, timeout: 2.0);
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"oracle: t={Py.F3(Vloop.Now)} done={Py.Repr(task.Done)} cancelled={Py.Repr(task.Cancelled)}");
            var cancelReturned = task.Cancel();
            Console.WriteLine($"oracle: task.cancel() returned {Py.Repr(cancelReturned)}");
            try
            {
                await task;
            }
            catch (CancelledError)
            {
            }

            Console.WriteLine("Cleaned up after timeout");
        }
    }
}
