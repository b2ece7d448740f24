using System.Runtime.CompilerServices;
using CsCheck;

namespace EventLoop.Tests.Tasks;

/// <summary>
/// The pending-task list keeps creation order and forgets finished tasks, however additions and removals interleave
/// and however often it compacts.
/// </summary>
public class PendingTaskListTests
{
    // Runs of additions and removals (of a random pending task) long enough to cross blocks and to compact often.
    private static readonly Gen<(bool Add, int Times, int Seed)[]> Ops = Gen.Select(Gen.Bool, Gen.Int[1, 400], Gen.Int).Array[0, 30];

    private static async Coroutine Empty()
    {
        await Asyncio.Sleep(0);
    }

    [Fact]
    public void Lists_the_pending_tasks_in_creation_order()
    {
        using var loop = new Loop();
        var tasks = Enumerable.Range(0, 3000).Select(_ => loop.CreateTask(Empty())).ToArray();
        // One case at a time: the cases share the tasks, whose flag says which list holds them.
        Ops.Sample(ops =>
        {
            foreach (var task in tasks)
            {
                task.Registered = false;
            }

            var list = new PendingTaskList();
            var model = new List<LoopTask>();
            var next = 0;
            foreach (var (add, times, seed) in ops)
            {
                var random = new Random(seed);
                for (var i = 0; i < times; i++)
                {
                    if (add && next < tasks.Length)
                    {
                        list.Add(tasks[next]);
                        model.Add(tasks[next++]);
                    }
                    else if (!add && model.Count > 0)
                    {
                        var index = random.Next(model.Count);
                        list.Remove(model[index]);
                        model.RemoveAt(index);
                    }
                }

                Assert.Equal(model, list.ToList());
            }
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Holds_no_more_finished_tasks_than_its_slack()
    {
        using var loop = new Loop();
        var finished = RunTasksToTheEnd(loop, 1000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The list compacts once the finished tasks outnumber the pending ones (here the main task) by its slack of
        // 64: no more than that may still be held, whatever the compactions moved where.
        Assert.InRange(finished.Count(task => task.IsAlive), 0, 65);
    }

    // Apart, so that no local of the test keeps a task alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] RunTasksToTheEnd(Loop loop, int count)
    {
        var tasks = Enumerable.Range(0, count).Select(_ => new WeakReference(loop.CreateTask(Empty()))).ToArray();
        loop.RunUntilComplete(Asyncio.Sleep(1));
        Assert.DoesNotContain(tasks, task => task.Target is LoopTask { Done: false });
        return tasks;
    }
}
