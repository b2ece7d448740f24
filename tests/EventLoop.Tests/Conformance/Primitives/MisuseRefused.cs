using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>66_misuse_refused: every misuse of a primitive is refused and changes nothing.</summary>
internal static class MisuseRefused
{
    [ConformanceScenario("66_misuse_refused")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine MainAsync()
    {
        var lk = new AsyncLock();
        try
        {
            lk.Release();
        }
        catch (InvalidOperationException)
        {
            Say($"release of an unlocked lock refused (locked={B(lk.Locked)})");
        }

        var cond = new AsyncCondition();
        try
        {
            await cond.Wait();
        }
        catch (InvalidOperationException)
        {
            Say($"wait without the lock refused (locked={B(cond.Locked)})");
        }

        try
        {
            cond.Notify();
        }
        catch (InvalidOperationException)
        {
            Say("notify without the lock refused");
        }

        var queue = new AsyncQueue<string>(maxsize: 1);
        queue.PutNowait("a");
        try
        {
            queue.PutNowait("b");
        }
        catch (QueueFull)
        {
            Say($"put_nowait on a full queue refused (qsize={queue.Qsize})");
        }

        queue.GetNowait();
        try
        {
            queue.GetNowait();
        }
        catch (QueueEmpty)
        {
            Say($"get_nowait on an empty queue refused (qsize={queue.Qsize})");
        }

        queue.TaskDone();
        try
        {
            queue.TaskDone();
        }
        catch (InvalidOperationException)
        {
            Say("task_done called too many times refused");
        }

        await queue.Join();
        Say("join returns at once");
    }
}
