using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 52_lock_cancelled_waiter: a waiter cancelled while pending is skipped; one cancelled after being woken passes
/// the wake-up on; a newcomer takes a free lock at once when every queued waiter is cancelled.
/// </summary>
internal static class LockCancelledWaiter
{
    [ConformanceScenario("52_lock_cancelled_waiter")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static async Coroutine Waiter(AsyncLock lk, string name)
    {
        try
        {
            using (await lk.Acquire())
            {
                Say($"{name} holds");
                await Asyncio.Sleep(0);
            }

            Say($"{name} released");
        }
        catch (CancelledError)
        {
            Say($"{name} cancelled (locked={B(lk.Locked)})");
            throw;
        }
    }

    private static async Coroutine MainAsync()
    {
        var lk = new AsyncLock();
        Say("case 1: cancelled while pending");
        await lk.Acquire();
        var b = Asyncio.CreateTask(Waiter(lk, "B"));
        var c = Asyncio.CreateTask(Waiter(lk, "C"));
        await Asyncio.Sleep(0);
        b.Cancel();
        lk.Release();
        await Asyncio.Gather(true, b, c);

        Say("case 2: cancelled after the wake-up");
        await lk.Acquire();
        var d = Asyncio.CreateTask(Waiter(lk, "D"));
        var e = Asyncio.CreateTask(Waiter(lk, "E"));
        await Asyncio.Sleep(0);
        lk.Release();
        d.Cancel();
        Say($"released and cancelled D (locked={B(lk.Locked)})");
        await Asyncio.Gather(true, d, e);

        Say("case 3: every waiter cancelled");
        await lk.Acquire();
        var f = Asyncio.CreateTask(Waiter(lk, "F"));
        await Asyncio.Sleep(0);
        f.Cancel();
        lk.Release();
        await lk.Acquire();
        Say($"main re-acquired at once (locked={B(lk.Locked)})");
        lk.Release();
        await Asyncio.Gather(true, f);
        Say($"main done (locked={B(lk.Locked)})");
    }
}
