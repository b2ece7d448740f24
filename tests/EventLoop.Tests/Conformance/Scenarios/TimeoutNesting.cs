using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>12: nested timeouts: the one whose deadline passed throws TimeoutException; with equal deadlines the outer one does.</summary>
internal static class TimeoutNesting
{
    [ConformanceScenario("12_timeout_nesting")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var task = Asyncio.CurrentTask()!;
        var outer = Asyncio.Timeout(1);
        TimeoutScope inner = null!;
        try
        {
            await outer.Run(async () =>
            {
                try
                {
                    inner = Asyncio.Timeout(5);
                    await inner.Run(() => Asyncio.Sleep(10));
                }
                catch (CancelledError)
                {
                    Say($"inner block: CancelledError inner.expired={Py.Repr(inner.Expired)}");
                    throw;
                }
            });
        }
        catch (TimeoutException)
        {
            Say($"outer raised TimeoutError outer.expired={Py.Repr(outer.Expired)} cancelling={task.Cancelling()}");
        }

        outer = Asyncio.Timeout(5);
        await outer.Run(async () =>
        {
            try
            {
                inner = Asyncio.Timeout(1);
                await inner.Run(() => Asyncio.Sleep(10));
            }
            catch (TimeoutException)
            {
                Say($"inner raised TimeoutError inner.expired={Py.Repr(inner.Expired)} outer.expired={Py.Repr(outer.Expired)}");
            }

            await Asyncio.Sleep(1);
        });
        Say($"outer finished expired={Py.Repr(outer.Expired)}");

        try
        {
            outer = Asyncio.Timeout(1);
            await outer.Run(async () =>
            {
                try
                {
                    inner = Asyncio.Timeout(1);
                    await inner.Run(() => Asyncio.Sleep(10));
                }
                catch (CancelledError)
                {
                    Say($"equal deadlines: inner lets CancelledError through, cancelling={task.Cancelling()}");
                    throw;
                }
            });
        }
        catch (TimeoutException)
        {
            Say($"equal deadlines: outer raised TimeoutError inner.expired={Py.Repr(inner.Expired)} cancelling={task.Cancelling()}");
        }
    }
}
