using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 56_condition_wait_cancelled: a cancelled Wait re-acquires the lock before the cancellation reaches the waiter,
/// also when the lock is held by someone else at the time, and also after a notification.
/// </summary>
internal static class ConditionWaitCancelled
{
    [ConformanceScenario("56_condition_wait_cancelled")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Waiter(AsyncCondition cond)
    {
        using (await cond.Acquire())
        {
            try
            {
                Say("waiter waits");
                await cond.Wait();
            }
            catch (CancelledError)
            {
                Say($"waiter cancelled, holds the lock again (locked={B(cond.Locked)})");
                throw;
            }
        }

        Say("never here");
    }

    private static async Coroutine MainAsync()
    {
        var cond = new AsyncCondition();
        var task = Asyncio.CreateTask(Waiter(cond));
        await Asyncio.Sleep(0);
        await cond.Acquire();
        Say("main holds the lock and cancels the waiter");
        task.Cancel();
        await Asyncio.Sleep(1);
        Say($"main releases (waiter done={B(task.Done)})");
        cond.Release();
        try
        {
            await task;
        }
        catch (CancelledError)
        {
            Say($"waiter task cancelled={B(task.Cancelled)} (locked={B(cond.Locked)})");
        }

        task = Asyncio.CreateTask(Waiter(cond));
        await Asyncio.Sleep(0);
        using (await cond.Acquire())
        {
            cond.Notify();
            task.Cancel();
            Say("main notified, then cancelled the waiter");
        }

        try
        {
            await task;
        }
        catch (CancelledError)
        {
            Say($"notified waiter cancelled={B(task.Cancelled)} (locked={B(cond.Locked)})");
        }

        Say("main done");
    }
}
