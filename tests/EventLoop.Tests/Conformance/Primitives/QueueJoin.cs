using Tutorial;
using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>61_queue_join: Join returns once TaskDone was called for every item; idle workers are then cancelled.</summary>
internal static class QueueJoin
{
    [ConformanceScenario("61_queue_join")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Worker(string name, AsyncQueue<double> queue)
    {
        try
        {
            while (true)
            {
                var delay = await queue.Get();
                await Asyncio.Sleep(delay);
                Say($"{name} finished a {Py.Repr(delay)} s job");
                queue.TaskDone();
            }
        }
        catch (CancelledError)
        {
            Say($"{name} cancelled while waiting for work");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var queue = new AsyncQueue<double>();
        foreach (var delay in new[] { 0.3, 0.1, 0.2, 0.1, 0.4, 0.1 })
        {
            queue.PutNowait(delay);
        }

        var workers = Enumerable.Range(0, 3).Select(i => Asyncio.CreateTask(Worker($"worker-{i}", queue))).ToArray();
        await queue.Join();
        Say($"join returned (qsize={queue.Qsize})");
        var before = Iteration;
        await queue.Join();
        Say($"second join took {Iteration - before} iterations");
        foreach (var worker in workers)
        {
            worker.Cancel();
        }

        await Asyncio.Gather(true, workers);
        Say("main done");
    }
}
