using CsCheck;

namespace EventLoop.Tests.Core;

/// <summary>The ready queue is first in first out across its blocks, however enqueues and dequeues interleave.</summary>
public class ReadyQueueTests
{
    private static readonly Action<object?> Nothing = _ => { };

    // Runs of enqueues and dequeues long enough to cross several 128-entry blocks and to empty the queue often.
    private static readonly Gen<(bool Enqueue, int Times)[]> Ops = Gen.Select(Gen.Bool, Gen.Int[1, 300]).Array[0, 40];

    [Fact]
    public void Dequeues_in_enqueue_order()
    {
        Ops.Sample(ops =>
        {
            var queue = new ReadyQueue();
            var model = new Queue<int>();
            var next = 0;
            foreach (var (enqueue, times) in ops)
            {
                for (var i = 0; i < times; i++)
                {
                    if (enqueue)
                    {
                        queue.Enqueue(new ReadyCallback(Nothing, next, HandleKind.Callback));
                        model.Enqueue(next++);
                    }
                    else if (model.Count > 0)
                    {
                        Assert.Equal(model.Dequeue(), (int)queue.Dequeue().Subject!);
                    }
                }

                Assert.Equal(model.Count, queue.Count);
                Assert.Equal(model, queue.Items.Select(ready => (int)ready.Subject!));
            }

            queue.Clear();
            Assert.Equal(0, queue.Count);
            Assert.Empty(queue.Items);
        }, iter: 300);
    }
}
