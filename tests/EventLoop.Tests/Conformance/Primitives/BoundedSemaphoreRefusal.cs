using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>59_bounded_semaphore: a release beyond the initial value is refused and changes nothing; a semaphore of 0 is locked.</summary>
internal static class BoundedSemaphoreRefusal
{
    [ConformanceScenario("59_bounded_semaphore")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Waiter(AsyncSemaphore sem)
    {
        using (await sem.Acquire())
        {
            Say($"waiter got the permit (value={sem.Value})");
        }
    }

    private static async Coroutine MainAsync()
    {
        var sem = new AsyncBoundedSemaphore(2);
        using (await sem.Acquire())
        {
            Say($"holding one (value={sem.Value})");
        }

        try
        {
            sem.Release();
        }
        catch (SemaphoreFullException)
        {
            Say($"over-release refused (value={sem.Value}, locked={B(sem.Locked)})");
        }

        var zero = new AsyncSemaphore(0);
        Say($"Semaphore(0) locked={B(zero.Locked)}");
        var task = Asyncio.CreateTask(Waiter(zero));
        await Asyncio.Sleep(1);
        Say($"waiter still waiting: {B(!task.Done)}");
        zero.Release();
        await task;
        Say($"main done (value={zero.Value})");
    }
}
