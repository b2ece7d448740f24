using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 65_queue_put_cancelled: a putter cancelled while pending is skipped; one cancelled after a get woke it passes
/// the wake-up to the next putter.
/// </summary>
internal static class QueuePutCancelled
{
    [ConformanceScenario("65_queue_put_cancelled")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Putter(AsyncQueue<string> queue, string item)
    {
        try
        {
            await queue.Put(item);
            Say($"put {item}");
        }
        catch (CancelledError)
        {
            Say($"putter of {item} cancelled (qsize={queue.Qsize})");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var queue = new AsyncQueue<string>(maxsize: 1);
        queue.PutNowait("first");
        var p1 = Asyncio.CreateTask(Putter(queue, "p1"));
        var p2 = Asyncio.CreateTask(Putter(queue, "p2"));
        var p3 = Asyncio.CreateTask(Putter(queue, "p3"));
        var p4 = Asyncio.CreateTask(Putter(queue, "p4"));
        await Asyncio.Sleep(0);
        p1.Cancel();
        Say($"got {queue.GetNowait()}, p1 cancelled");
        await Asyncio.Sleep(0);
        Say($"got {queue.GetNowait()}");
        p3.Cancel();
        Say("p3 cancelled after its wake-up");
        Say($"got {await queue.Get()}");
        await Asyncio.Gather(true, p1, p2, p3, p4);
        Say($"main done (qsize={queue.Qsize})");
    }
}
