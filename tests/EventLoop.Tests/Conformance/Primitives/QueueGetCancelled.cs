using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 64_queue_get_cancelled: a getter cancelled while pending is skipped; one cancelled after a put woke it passes
/// the wake-up to the next getter, and the item stays for it.
/// </summary>
internal static class QueueGetCancelled
{
    [ConformanceScenario("64_queue_get_cancelled")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Getter(AsyncQueue<string> queue, string name)
    {
        try
        {
            var item = await queue.Get();
            Say($"{name} got {item}");
        }
        catch (CancelledError)
        {
            Say($"{name} cancelled (qsize={queue.Qsize})");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var queue = new AsyncQueue<string>();
        var g1 = Asyncio.CreateTask(Getter(queue, "G1"));
        var g2 = Asyncio.CreateTask(Getter(queue, "G2"));
        var g3 = Asyncio.CreateTask(Getter(queue, "G3"));
        var g4 = Asyncio.CreateTask(Getter(queue, "G4"));
        await Asyncio.Sleep(0);
        g1.Cancel();
        Say("G1 cancelled while pending");
        await Asyncio.Sleep(0);
        queue.PutNowait("x");
        Say("put x");
        await Asyncio.Sleep(0);
        queue.PutNowait("y");
        g3.Cancel();
        Say("put y, then cancelled G3 (woken)");
        await Asyncio.Gather(true, g1, g2, g3, g4);
        Say($"main done (qsize={queue.Qsize})");
    }
}
