using Tutorial;
using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>63_lifo_queue: most recent first; with maxsize the producer still waits while it is full.</summary>
internal static class LifoQueueOrder
{
    [ConformanceScenario("63_lifo_queue")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var queue = new AsyncLifoQueue<int>(maxsize: 3);
        for (var item = 0; item < 3; item++)
        {
            queue.PutNowait(item);
        }

        Say($"full={B(queue.Full)}");
        var task = Asyncio.CreateTask(Producer());
        await Asyncio.Sleep(0);
        var order = new List<int>();
        while (!queue.Empty || !task.Done)
        {
            order.Add(await queue.Get());
            Say($"got {order[^1]}");
            await Asyncio.Sleep(0);
        }

        Console.WriteLine("order: " + Py.Repr(order));

        async Coroutine Producer()
        {
            foreach (var item in new[] { 10, 11 })
            {
                await queue.Put(item);
                Say($"put {item}");
            }
        }
    }
}
