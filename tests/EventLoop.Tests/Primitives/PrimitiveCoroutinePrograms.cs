namespace EventLoop.Tests.Primitives;

/// <summary>
/// Programs that take every path of the queue's Put and Get and of the semaphore's and the lock's Acquire: at once, after a wait,
/// after a wake-up whose item or slot was taken meanwhile, cancelled while waiting, cancelled after the wake-up, with
/// the waiter future itself cancelled, refused on another loop, never awaited, awaited twice. Each returns what it
/// saw; <see cref="PrimitiveCoroutineTests"/> compares that and the trace with what the async-method versions of
/// these coroutines produced.
/// </summary>
internal static class PrimitiveCoroutinePrograms
{
    public static List<string> Queue() => Run(QueueMain);

    public static List<string> Semaphore() => Run(SemaphoreMain);

    public static List<string> Lock() => Run(LockMain);

    private static List<string> Run(Func<List<string>, Coroutine> main)
    {
        var log = new List<string>();
        using (var warnings = Warnings.Catch())
        {
            Asyncio.Run(main(log));
            log.AddRange(warnings.Select(w => w.ToString()));
        }

        return log;
    }

    private static async Coroutine QueueMain(List<string> log)
    {
        var queue = new AsyncQueue<string>(maxsize: 1);
        var put = queue.Put("a");
        log.Add($"made {put.Name} ({put.State}): {queue}");
        await put;
        log.Add($"put a at once ({put.State}): {queue}");
        log.Add(Reuse(put));

        // A putter woken by a get finds its slot taken again before it runs, and waits once more.
        var p = Asyncio.CreateTask(Putter(queue, "b", log), "P");
        await Asyncio.Sleep(0);
        log.Add($"P waits on {p.WaitingOn}, {p.CurrentFrame.Name} {p.CurrentFrame.State}: {queue}");
        log.Add($"took {queue.GetNowait()}: {queue}");
        queue.PutNowait("c");
        await Asyncio.Sleep(0);
        log.Add($"P waits again: {queue}");
        log.Add($"took {queue.GetNowait()}");
        await p;

        var get = queue.Get();
        log.Add($"made {get.Name} ({get.State})");
        log.Add($"got {await get} at once ({get.State}): {queue}");

        // A getter woken by a put finds the item taken before it runs, and waits once more.
        var g = Asyncio.CreateTask(Getter(queue, log), "G");
        await Asyncio.Sleep(0);
        log.Add($"G waits on {g.WaitingOn}: {queue}");
        queue.PutNowait("d");
        log.Add($"took {queue.GetNowait()} from under G: {queue}");
        await Asyncio.Sleep(0);
        log.Add($"G waits again: {queue}");
        queue.PutNowait("e");
        await g;

        // Putters: one cancelled while waiting is skipped; one cancelled after its wake-up passes it on; one whose
        // putter future itself is cancelled just raises.
        queue.PutNowait("f");
        var putters = new[] { "p1", "p2", "p3", "p4" }.Select(name => Asyncio.CreateTask(Putter(queue, name, log), name)).ToArray();
        await Asyncio.Sleep(0);
        putters[0].Cancel();
        log.Add($"p1 cancelled: {queue}");
        log.Add($"took {queue.GetNowait()}: {queue}");
        putters[1].Cancel();
        log.Add($"p2 cancelled after its wake-up: {queue}");
        await Asyncio.Sleep(0);
        log.Add($"after a step: {queue}");
        await Asyncio.Sleep(0);
        log.Add($"after another step: {queue}");
        putters[3].WaitingOn!.Cancel();
        log.Add($"p4's putter cancelled: {queue}");
        log.Add(Outcomes(await Asyncio.Gather(true, putters)));
        log.Add($"took {queue.GetNowait()}: {queue}");

        // The same for getters.
        var getters = new[] { "g1", "g2", "g3", "g4" }.Select(name => Asyncio.CreateTask(Getter(queue, log), name)).ToArray();
        await Asyncio.Sleep(0);
        getters[0].Cancel();
        queue.PutNowait("h");
        getters[1].Cancel();
        log.Add($"g1 cancelled, h put, g2 cancelled after its wake-up: {queue}");
        await Asyncio.Sleep(0);
        log.Add($"after a step: {queue}");
        await Asyncio.Sleep(0);
        log.Add($"after another step: {queue}");
        getters[3].WaitingOn!.Cancel();
        log.Add(Outcomes(await Asyncio.Gather(true, getters)));

        // A queue bound to another loop refuses to make a task wait here, but a put with room works.
        using var other = new Loop();
        var foreign = new AsyncQueue<int>(maxsize: 1, loop: other);
        await foreign.Put(1);
        var refused = foreign.Put(2);
        try
        {
            await refused;
        }
        catch (InvalidOperationException error)
        {
            log.Add($"{refused.Name} {refused.State}: {error.Message}");
        }

        var refusedGet = new AsyncQueue<int>(loop: other).Get();
        try
        {
            await refusedGet;
        }
        catch (InvalidOperationException error)
        {
            log.Add($"{refusedGet.Name} {refusedGet.State}: {error.Message}");
        }

        _ = queue.Put("never");
        _ = queue.Get();
        log.Add($"done: {queue}");
    }

    private static async Coroutine SemaphoreMain(List<string> log)
    {
        var sem = new AsyncSemaphore(1);
        var acquire = sem.Acquire();
        log.Add($"made {acquire.Name} ({acquire.State}): {sem}");
        var permit = await acquire;
        log.Add($"acquired at once ({acquire.State}): {sem}");
        log.Add(Reuse(acquire));

        // A waiter woken by a release still counts as waiting until it runs.
        var a = Asyncio.CreateTask(Holder(sem, "A", log), "A");
        await Asyncio.Sleep(0);
        log.Add($"A waits on {a.WaitingOn}, {a.CurrentFrame.Name} {a.CurrentFrame.State}: {sem}");
        permit.Dispose();
        log.Add($"released: {sem}, locked={sem.Locked}");
        await a;
        log.Add($"A done: {sem}");

        // A woken waiter that finds a permit left over wakes the next one.
        permit = await sem.Acquire();
        var x = Asyncio.CreateTask(Holder(sem, "X", log), "X");
        await Asyncio.Sleep(0);
        var w = Asyncio.CreateTask(Holder(sem, "W", log), "W");
        permit.Dispose();
        sem.Release();
        log.Add($"released twice: {sem}");
        await Asyncio.Gather(x, w);
        log.Add($"X and W done: {sem}");

        // One cancelled while waiting is skipped; one cancelled after its wake-up gives the permit back and wakes the
        // next; one whose waiter future itself is cancelled just raises. (The second release above added a permit,
        // which stays taken.)
        _ = await sem.Acquire();
        permit = await sem.Acquire();
        var waiters = new[] { "B", "C", "D", "E" }.Select(name => Asyncio.CreateTask(Holder(sem, name, log), name)).ToArray();
        await Asyncio.Sleep(0);
        waiters[0].Cancel();
        log.Add($"B cancelled: {sem}, locked={sem.Locked}");
        permit.Dispose();
        waiters[1].Cancel();
        log.Add($"released, C cancelled after its wake-up: {sem}");
        await Asyncio.Sleep(0);
        log.Add($"after a step: {sem}");
        waiters[3].WaitingOn!.Cancel();
        log.Add($"E's waiter cancelled: {sem}");
        log.Add(Outcomes(await Asyncio.Gather(true, waiters)));
        log.Add($"all done: {sem}");

        // A semaphore bound to another loop refuses to make a task wait here, but a free permit is taken.
        using var other = new Loop();
        var foreign = new AsyncSemaphore(1, other);
        permit = await foreign.Acquire();
        var refused = foreign.Acquire();
        try
        {
            await refused;
        }
        catch (InvalidOperationException error)
        {
            log.Add($"{refused.Name} {refused.State}: {error.Message}");
        }

        permit.Dispose();
        _ = sem.Acquire();
        log.Add($"done: {sem}");
    }

    private static async Coroutine LockMain(List<string> log)
    {
        var lk = new AsyncLock();
        var acquire = lk.Acquire();
        log.Add($"made {acquire.Name} ({acquire.State}): {lk}");
        var held = await acquire;
        log.Add($"acquired at once ({acquire.State}): {lk}");
        log.Add(Reuse(acquire));

        // A waiter woken by a release takes the lock when it runs.
        var a = Asyncio.CreateTask(Locker(lk, "A", log), "A");
        await Asyncio.Sleep(0);
        log.Add($"A waits on {a.WaitingOn}, {a.CurrentFrame.Name} {a.CurrentFrame.State}: {lk}");
        held.Dispose();
        log.Add($"released: {lk}");
        await a;
        log.Add($"A done: {lk}");

        // The first waiter cancelled while waiting is not woken by the release: it wakes the next itself. One
        // cancelled after its wake-up wakes the next too. One whose waiter future is cancelled just raises.
        held = await lk.Acquire();
        var waiters = new[] { "B", "C", "D", "E", "F" }.Select(name => Asyncio.CreateTask(Locker(lk, name, log), name)).ToArray();
        await Asyncio.Sleep(0);
        waiters[0].Cancel();
        held.Dispose();
        log.Add($"B cancelled, released: {lk}");
        await Asyncio.Sleep(0);
        log.Add($"after a step: {lk}");
        waiters[1].Cancel();
        log.Add($"C cancelled after its wake-up: {lk}");
        await Asyncio.Sleep(0);
        log.Add($"after another step: {lk}");
        waiters[4].WaitingOn!.Cancel();
        log.Add($"F's waiter cancelled: {lk}");
        log.Add(Outcomes(await Asyncio.Gather(true, waiters)));
        log.Add($"all done: {lk}");

        // With only cancelled waiters left, a free lock is taken at once.
        held = await lk.Acquire();
        var g = Asyncio.CreateTask(Locker(lk, "G", log), "G");
        await Asyncio.Sleep(0);
        g.Cancel();
        held.Dispose();
        var h = lk.Acquire();
        using (await h)
        {
            log.Add($"H took the lock past cancelled G ({h.State}): {lk}");
        }

        log.Add(Outcomes(await Asyncio.Gather(true, g)));

        // A condition's wait releases the lock and re-acquires it through Acquire.
        var cond = new AsyncCondition(lk);
        var waiter = Asyncio.CreateTask(CondWaiter(cond, log), "W");
        await Asyncio.Sleep(0);
        using (await cond.Acquire())
        {
            cond.Notify();
            log.Add($"notified: {cond}");
        }

        await waiter;

        // A lock bound to another loop refuses to make a task wait here, but a free lock is taken.
        using var other = new Loop();
        var foreign = new AsyncLock(other);
        held = await foreign.Acquire();
        var refused = foreign.Acquire();
        try
        {
            await refused;
        }
        catch (InvalidOperationException error)
        {
            log.Add($"{refused.Name} {refused.State}: {error.Message}");
        }

        held.Dispose();
        _ = lk.Acquire();
        log.Add($"done: {lk}");
    }

    private static async Coroutine<string> Locker(AsyncLock lk, string name, List<string> log)
    {
        try
        {
            using (await lk.Acquire())
            {
                log.Add($"{name} holds the lock: {lk}");
                await Asyncio.Sleep(0);
            }

            return name;
        }
        catch (CancelledError)
        {
            log.Add($"{name} cancelled: {lk}");
            throw;
        }
    }

    private static async Coroutine CondWaiter(AsyncCondition cond, List<string> log)
    {
        using (await cond.Acquire())
        {
            log.Add($"W waits: {cond}");
            await cond.Wait();
            log.Add($"W notified, holds the lock again: {cond}");
        }
    }

    private static async Coroutine<string> Putter(AsyncQueue<string> queue, string item, List<string> log)
    {
        try
        {
            await queue.Put(item);
            log.Add($"put {item}: {queue}");
            return item;
        }
        catch (CancelledError)
        {
            log.Add($"putter of {item} cancelled: {queue}");
            throw;
        }
    }

    private static async Coroutine<string> Getter(AsyncQueue<string> queue, List<string> log)
    {
        var name = Asyncio.CurrentTask()!.Name;
        try
        {
            var item = await queue.Get();
            log.Add($"{name} got {item}: {queue}");
            return item;
        }
        catch (CancelledError)
        {
            log.Add($"{name} cancelled: {queue}");
            throw;
        }
    }

    private static async Coroutine<string> Holder(AsyncSemaphore sem, string name, List<string> log)
    {
        try
        {
            using (await sem.Acquire())
            {
                log.Add($"{name} holds a permit: {sem}");
                await Asyncio.Sleep(0);
            }

            return name;
        }
        catch (CancelledError)
        {
            log.Add($"{name} cancelled: {sem}");
            throw;
        }
    }

    private static string Reuse(Coroutine coroutine)
    {
        try
        {
            coroutine.GetAwaiter();
            return "awaited twice";
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }
    }

    private static string Outcomes(object?[] results) =>
        string.Join(", ", results.Select(r => r is Exception e ? e.GetType().Name : r));
}
