using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 58_semaphore_cancelled_waiter: a waiter cancelled while pending is skipped; one cancelled after the release
/// woke it gives its permit back and wakes the next waiter.
/// </summary>
internal static class SemaphoreCancelledWaiter
{
    [ConformanceScenario("58_semaphore_cancelled_waiter")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Worker(AsyncSemaphore sem, string name)
    {
        try
        {
            using (await sem.Acquire())
            {
                Say($"{name} got a permit (value={sem.Value})");
                await Asyncio.Sleep(0);
            }

            Say($"{name} returned its permit (value={sem.Value})");
        }
        catch (CancelledError)
        {
            Say($"{name} cancelled (value={sem.Value})");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var sem = new AsyncSemaphore(1);
        await sem.Acquire();
        var a = Asyncio.CreateTask(Worker(sem, "A"));
        var b = Asyncio.CreateTask(Worker(sem, "B"));
        var c = Asyncio.CreateTask(Worker(sem, "C"));
        await Asyncio.Sleep(0);
        a.Cancel();
        Say($"A cancelled while pending (locked={B(sem.Locked)})");
        sem.Release();
        Say($"released (value={sem.Value})");
        b.Cancel();
        Say("B cancelled after its wake-up");
        await Asyncio.Gather(true, a, b, c);
        Say($"main done (value={sem.Value}, locked={B(sem.Locked)})");
    }
}
