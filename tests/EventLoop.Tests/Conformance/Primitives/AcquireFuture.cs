using Tutorial;
using static EventLoop.Tests.Conformance.Primitives.Scenario;

namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// 67_acquire_future: the future a task waiting for a lock or a semaphore waits on (<c>WaitingOn</c>): pending until a
/// release wakes the task, done from then on even before the task runs; cancelling the task before and after it was
/// woken (the lock or permit passes on), cancelling the future, setting its result early, and a task that cancels
/// itself just before it acquires. The library makes that future only when asked for it, so every way of asking is
/// here, for both primitives.
/// </summary>
internal static class AcquireFuture
{
    [ConformanceScenario("67_acquire_future")]
    public static void Run() => Asyncio.Run(MainAsync());

    private static Coroutine<Releaser> Acquire(object prim) =>
        prim is AsyncSemaphore semaphore ? semaphore.Acquire() : ((AsyncLock)prim).Acquire();

    private static void Release(object prim)
    {
        if (prim is AsyncSemaphore semaphore)
        {
            semaphore.Release();
        }
        else
        {
            ((AsyncLock)prim).Release();
        }
    }

    private static bool Locked(object prim) => prim is AsyncSemaphore semaphore ? semaphore.Locked : ((AsyncLock)prim).Locked;

    private static string State(object prim) =>
        prim is AsyncSemaphore semaphore ? $"value={semaphore.Value}, locked={B(semaphore.Locked)}" : $"locked={B(Locked(prim))}";

    private static async Coroutine<string> User(object prim, string name)
    {
        try
        {
            using (await Acquire(prim))
            {
                Say($"{name} acquired");
                await Asyncio.Sleep(1);
            }

            Say($"{name} released");
        }
        catch (CancelledError e)
        {
            Say($"{name} cancelled {Py.Repr(e.Message)}");
            throw;
        }

        return name;
    }

    private static async Coroutine<string> SelfCancelling(object prim)
    {
        Asyncio.CurrentTask()!.Cancel("self");
        try
        {
            using (await Acquire(prim))
            {
                Say("s acquired");
            }
        }
        catch (CancelledError e)
        {
            Say($"s cancelled {Py.Repr(e.Message)}");
        }

        return "caught";
    }

    /// <summary><c>outcome(t)</c>, which the script imports from the combinator scenarios' helpers.</summary>
    private static Coroutine<string> Outcome(LoopTask<string> t) => Scenarios.Scenario.Outcome(t);

    private static async Coroutine RunScenario(object prim)
    {
        await Acquire(prim);
        var a = Asyncio.CreateTask(User(prim, "a"), "a");
        await Asyncio.Sleep(0);
        var f = a.WaitingOn!;
        Say($"a waits on a {Py.TypeName(f)}: done={B(f.Done)}, asked again the same: {B(a.WaitingOn == f)}");
        Release(prim);
        var w = (Future<bool>)a.WaitingOn!;
        Say($"a's future after the release: done={B(w.Done)}, cancelled={B(w.Cancelled)}, result={B(w.Result())}, same={B(w == f)}");
        Say($"a: {await Outcome(a)} ({State(prim)})");

        await Acquire(prim);
        var b = Asyncio.CreateTask(User(prim, "b"), "b");
        var c = Asyncio.CreateTask(User(prim, "c"), "c");
        await Asyncio.Sleep(0);
        Release(prim);
        Say($"b cancelled after the release woke it: {B(b.Cancel("late"))} ({State(prim)})");
        Say($"b: {await Outcome(b)}, c: {await Outcome(c)} ({State(prim)})");

        await Acquire(prim);
        var d = Asyncio.CreateTask(User(prim, "d"), "d");
        await Asyncio.Sleep(0);
        Say($"d cancelled while it waits: {B(d.Cancel("early"))}");
        Say($"d: {await Outcome(d)} ({State(prim)})");

        var e = Asyncio.CreateTask(User(prim, "e"), "e");
        await Asyncio.Sleep(0);
        Say($"e's future cancelled: {B(e.WaitingOn!.Cancel())}");
        Say($"e: {await Outcome(e)} ({State(prim)})");

        var g = Asyncio.CreateTask(User(prim, "g"), "g");
        await Asyncio.Sleep(0);
        ((Future<bool>)g.WaitingOn!).SetResult(true);
        Say($"g's future given its result early ({State(prim)})");
        await Asyncio.Sleep(0);
        Release(prim);
        Say($"g: {await Outcome(g)} ({State(prim)})");

        while (!Locked(prim))
        {
            await Acquire(prim);
        }

        var s = Asyncio.CreateTask(SelfCancelling(prim), "s");
        Say($"s: {await Outcome(s)}, cancelling={s.Cancelling()} ({State(prim)})");
        Release(prim);
        Say($"end ({State(prim)})");
    }

    private static async Coroutine MainAsync()
    {
        Say("Semaphore(1)");
        await RunScenario(new AsyncSemaphore(1));
        Say("Lock()");
        await RunScenario(new AsyncLock());
    }
}
