using System.Globalization;
using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>62_priority_queue: smallest first; items that compare equal leave in heapq's order, not insertion order.</summary>
internal static class PriorityQueueOrder
{
    private static readonly IComparer<Job> ByPriority = Comparer<Job>.Create((a, b) => a.Priority.CompareTo(b.Priority));

    [ConformanceScenario("62_priority_queue")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var queue = new AsyncPriorityQueue<Job>(comparer: ByPriority);
        foreach (var job in Jobs((3, "a"), (1, "b"), (3, "c"), (1, "d"), (2, "e"), (3, "f"), (1, "g"), (2, "h"), (1, "i"), (3, "j")))
        {
            queue.PutNowait(job);
        }

        var order = new List<string>();
        while (!queue.Empty)
        {
            order.Add(queue.GetNowait().ToString());
        }

        Console.WriteLine("drained: " + string.Join(" ", order));

        foreach (var job in Jobs((2, "k"), (1, "l"), (2, "m")))
        {
            queue.PutNowait(job);
        }

        var first = queue.GetNowait();
        foreach (var job in Jobs((1, "n"), (2, "o"), (0, "p")))
        {
            queue.PutNowait(job);
        }

        order = [first.ToString()];
        while (!queue.Empty)
        {
            order.Add((await queue.Get()).ToString());
        }

        Console.WriteLine("interleaved: " + string.Join(" ", order));

        order = [];
        for (var i = 0; i < 60; i++)
        {
            queue.PutNowait(new Job(i * 7 % 5, i.ToString(CultureInfo.InvariantCulture)));
            if (i % 4 == 3)
            {
                order.Add(queue.GetNowait().Name);
            }
        }

        while (!queue.Empty)
        {
            order.Add(queue.GetNowait().Name);
        }

        Console.WriteLine("big: " + string.Join(" ", order));

        var task = Asyncio.CreateTask(Getter());
        await Asyncio.Sleep(0);
        queue.PutNowait(new Job(5, "q"));
        queue.PutNowait(new Job(4, "r"));
        await task;
        Say($"left: {queue.GetNowait().Name}");

        async Coroutine Getter()
        {
            var job = await queue.Get();
            Say($"waiting getter got {job}");
        }
    }

    private static IEnumerable<Job> Jobs(params (int Priority, string Name)[] jobs) => jobs.Select(j => new Job(j.Priority, j.Name));

    private sealed record Job(int Priority, string Name)
    {
        public override string ToString() => $"{Priority}{Name}";
    }
}
