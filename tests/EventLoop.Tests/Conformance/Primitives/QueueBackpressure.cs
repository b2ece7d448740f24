using Tutorial;
using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>60_queue_backpressure: with maxsize 2 the producer waits while the queue is full, the consumer while it is empty.</summary>
internal static class QueueBackpressure
{
    [ConformanceScenario("60_queue_backpressure")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Producer(AsyncQueue<int?> queue)
    {
        for (var item = 0; item < 6; item++)
        {
            Say($"put {item} (qsize={queue.Qsize}, full={B(queue.Full)})");
            await queue.Put(item);
            Say($"put {item} done (qsize={queue.Qsize})");
        }

        await queue.Put(null);
    }

    private static async Coroutine Consumer(AsyncQueue<int?> queue)
    {
        while (true)
        {
            var item = await queue.Get();
            Say($"got {Py.Repr(item)} (qsize={queue.Qsize})");
            if (item is null)
            {
                break;
            }

            if (item % 2 == 0)
            {
                await Asyncio.Sleep(1);
            }
        }
    }

    private static async Coroutine MainAsync()
    {
        var queue = new AsyncQueue<int?>(maxsize: 2);
        Say($"maxsize={queue.Maxsize} empty={B(queue.Empty)} full={B(queue.Full)}");
        await Asyncio.Gather(Producer(queue), Consumer(queue));
        Say($"main done (empty={B(queue.Empty)})");
    }
}
