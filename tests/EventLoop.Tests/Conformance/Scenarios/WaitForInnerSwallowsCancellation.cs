using Tutorial;
using static EventLoop.Tests.Conformance.Scenarios.Scenario;

namespace EventLoop.Tests.Conformance.Scenarios;

/// <summary>08: if the inner swallows the cancellation WaitFor returns its result; if it throws something else, that is thrown.</summary>
internal static class WaitForInnerSwallowsCancellation
{
    [ConformanceScenario("08_wait_for_inner_swallows_cancellation")]
    public static void Run() => Scenario.Run(MainAsync());

    private static async Coroutine<string> Swallow()
    {
        try
        {
            await Asyncio.Sleep(10);
        }
        catch (CancelledError)
        {
            Say("swallow: cancelled, returning anyway");
        }

        return "swallowed";
    }

    private static async Coroutine<string> Replace()
    {
        try
        {
            await Asyncio.Sleep(10);
        }
        catch (CancelledError)
        {
            Say("replace: cancelled, raising ValueError");
            throw new ArgumentException("replaced");
        }

        return "never";
    }

    private static async Coroutine MainAsync()
    {
        Say($"wait_for returned {Py.Repr(await Asyncio.WaitFor(Swallow(), timeout: 1))}");
        try
        {
            await Asyncio.WaitFor(Replace(), timeout: 1);
        }
        catch (ArgumentException e)
        {
            Say($"wait_for raised {Show(e)}");
        }
    }
}
