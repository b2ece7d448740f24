using CsCheck;

namespace EventLoop.Tests.Core;

/// <summary>
/// The ready queue is first in first out across its blocks, however enqueues and dequeues interleave and however
/// its one-slot entries (a task's step) and two-slot entries (a wake-up through a delegate) mix at block ends.
/// </summary>
public class ReadyQueueTests
{
    private static readonly Action<object?> Nothing = _ => { };

    // Runs of enqueues and dequeues long enough to cross several 256-slot blocks and to empty the queue often; the
    // int picks the entries' forms (its bits, one per entry).
    private static readonly Gen<(bool Enqueue, int Times, int Forms)[]> Ops =
        Gen.Select(Gen.Bool, Gen.Int[1, 300], Gen.Int).Array[0, 40];

    private static async Coroutine Empty()
    {
        await Asyncio.Sleep(0);
    }

    [Fact]
    public void Dequeues_in_enqueue_order()
    {
        using var loop = new Loop();
        var tasks = Enumerable.Range(0, 1000).Select(_ => loop.CreateTask(Empty())).ToArray();
        Ops.Sample(ops =>
        {
            var queue = new ReadyQueue();
            var model = new Queue<(LoopTask Task, HandleKind Kind)>();
            var next = 0;
            foreach (var (enqueue, times, forms) in ops)
            {
                for (var i = 0; i < times; i++)
                {
                    if (enqueue)
                    {
                        var task = tasks[next++ % tasks.Length];
                        var step = ((forms >> (i % 32)) & 1) == 0;
                        queue.Enqueue(step ? ReadyCallback.StepOf(task) : ReadyCallback.WakeupOf(Nothing, task));
                        model.Enqueue((task, step ? HandleKind.Step : HandleKind.Wakeup));
                    }
                    else if (model.Count > 0)
                    {
                        var ready = queue.Dequeue();
                        Assert.Equal(model.Dequeue(), ((LoopTask)ready.Subject!, ready.Kind));
                    }
                }

                Assert.Equal(model.Count, queue.Count);
                Assert.Equal(model, queue.Items.Select(ready => ((LoopTask)ready.Subject!, ready.Kind)));
            }

            queue.Clear();
            Assert.Equal(0, queue.Count);
            Assert.Empty(queue.Items);
        }, iter: 300);
    }
}
