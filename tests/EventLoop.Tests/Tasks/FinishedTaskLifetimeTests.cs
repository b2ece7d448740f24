using System.Runtime.CompilerServices;

namespace EventLoop.Tests.Tasks;

/// <summary>
/// What may keep a finished task alive. A program often still holds the coroutines it gathered, or the gather itself,
/// long after the tasks are done; if those led back to the tasks (and through them to their loop), every run of such
/// a program would stay alive until the array holding them was collected, which for a large one is a gen2 collection.
/// </summary>
[Collection(GarbageCollectorCollection.Name)]
public class FinishedTaskLifetimeTests
{
    private const int Count = 1000;

    private static async Coroutine<int> Child(int value)
    {
        await Asyncio.Sleep(0);
        return value;
    }

    // Fails before the other children finish: the gather is done (failed) while they are still running.
    private static async Coroutine<int> Fail()
    {
        await Task.CompletedTask;
        throw new InvalidOperationException("first");
    }

    [Fact]
    public void A_coroutine_does_not_keep_its_finished_task_alive()
    {
        var (coroutines, tasks) = RunTasksOfCoroutines();
        Collect();

        Assert.All(coroutines, coroutine => Assert.Equal(CoroutineState.Completed, coroutine.State));
        Assert.Equal(0, tasks.Count(task => task.IsAlive));
        GC.KeepAlive(coroutines);
    }

    [Fact]
    public void A_done_gather_does_not_keep_its_children_alive()
    {
        var (gather, tasks) = RunGatherOfTasks(failFirst: false);
        Collect();

        Assert.Equal(Enumerable.Range(0, Count), gather.Result());
        // The gather's loop still holds finished tasks up to its pending-task list's slack (64), the main task's
        // among them; the gather itself must hold none.
        Assert.InRange(tasks.Count(task => task.IsAlive), 0, 65);
        GC.KeepAlive(gather);
    }

    [Fact]
    public void A_gather_that_failed_early_does_not_keep_its_later_children_alive()
    {
        var (gather, tasks) = RunGatherOfTasks(failFirst: true);
        Collect();

        Assert.IsType<InvalidOperationException>(gather.Exception());
        Assert.InRange(tasks.Count(task => task.IsAlive), 0, 65);
        GC.KeepAlive(gather);
    }

    [Fact]
    public void A_gather_does_not_keep_alive_the_coroutines_of_a_sequence_it_was_given()
    {
        // A gather copies a sequence into an array. With 20,000 coroutines that array is on the large-object heap,
        // which only a gen2 collection frees: until then a dead array there keeps what it holds alive through every
        // young collection. So the run makes no collection, and then a young one must free the coroutines.
        const int count = 20_000;
        WeakReference[] coroutines;
        Assert.True(GC.TryStartNoGCRegion(32_000_000), "the test needs a run without a collection");
        var collections = GC.CollectionCount(0);
        try
        {
            coroutines = RunGatherOfSequence(count);
        }
        finally
        {
            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }

        Assert.True(GC.CollectionCount(0) == collections, "a collection ran during the run: the test cannot tell what the gather kept");
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);

        // Nothing else holds them either: the loop is closed and unreachable, and with it its list of tasks.
        Assert.Equal(0, coroutines.Count(coroutine => coroutine.IsAlive));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    // Apart, so that no local of the test keeps a task or the loop alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Coroutine<int>[] Coroutines, WeakReference[] Tasks) RunTasksOfCoroutines()
    {
        using var loop = new Loop();
        var coroutines = Enumerable.Range(0, Count).Select(Child).ToArray();
        var tasks = coroutines.Select(coroutine => loop.CreateTask(coroutine)).ToArray();
        loop.RunUntilComplete(AwaitAll(tasks));
        return (coroutines, [.. tasks.Select(task => new WeakReference(task))]);

        static async Coroutine AwaitAll(LoopTask<int>[] tasks)
        {
            foreach (var task in tasks)
            {
                await task;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] RunGatherOfSequence(int count)
    {
        var coroutines = new WeakReference[count];
        using var loop = new Loop();
        Future<int[]>? gather = null;
        loop.CallSoon(() => gather = Asyncio.Gather(Enumerable.Range(0, count).Select(Made)));
        loop.RunUntilComplete(Asyncio.Sleep(1));
        Assert.Equal(Enumerable.Range(0, count), gather!.Result());
        return coroutines;

        Coroutine<int> Made(int i)
        {
            var coroutine = Child(i);
            coroutines[i] = new WeakReference(coroutine);
            return coroutine;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Future<int[]> Gather, WeakReference[] Tasks) RunGatherOfTasks(bool failFirst)
    {
        using var loop = new Loop();
        var tasks = Enumerable.Range(0, Count).Select(i => loop.CreateTask(failFirst && i == 0 ? Fail() : Child(i))).ToArray();
        Future<int[]>? gather = null;
        // Gathered from a callback rather than a main coroutine, whose finished task the loop may still list and whose
        // frame would hold the array of tasks.
        loop.CallSoon(() => gather = Asyncio.Gather<int>(tasks));
        loop.RunUntilComplete(Asyncio.Sleep(1));
        return (gather!, [.. tasks.Select(task => new WeakReference(task))]);
    }
}
