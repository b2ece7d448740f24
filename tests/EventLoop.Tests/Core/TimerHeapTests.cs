using CsCheck;

namespace EventLoop.Tests.Core;

/// <summary>The timer heap pops in deadline order, ties in scheduling order, whatever is pushed, popped and dropped between.</summary>
public class TimerHeapTests
{
    // An op: push a timer with deadline (0..7, so ties are common), pop one, or drop the timers with an odd deadline.
    private static readonly Gen<(int Kind, int Deadline)[]> Ops = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 7]).Array[0, 200];

    [Fact]
    public void Pops_in_deadline_then_sequence_order()
    {
        Ops.Sample(ops =>
        {
            using var loop = new Loop();
            var heap = new TimerHeap();
            var model = new List<TimerHandle>();
            var sequence = 0L;
            foreach (var (kind, deadline) in ops)
            {
                if (kind < 6)
                {
                    var timer = new TimerHandle(loop, deadline, sequence++, _ => { }, null);
                    heap.Push(timer);
                    model.Add(timer);
                }
                else if (kind < 9 && model.Count > 0)
                {
                    var expected = model.OrderBy(t => t.When).ThenBy(t => t.Sequence).First();
                    Assert.Same(expected, heap.Head);
                    Assert.Same(expected, heap.Pop());
                    model.Remove(expected);
                }
                else if (kind == 9)
                {
                    heap.RemoveAll(t => t.When % 2 == 1);
                    model.RemoveAll(t => t.When % 2 == 1);
                }

                Assert.Equal(model.Count, heap.Count);
                Assert.Equal(model.OrderBy(t => t.Sequence), heap.UnorderedItems.OrderBy(t => t.Sequence));
            }

            foreach (var expected in model.OrderBy(t => t.When).ThenBy(t => t.Sequence))
            {
                Assert.Same(expected, heap.Pop());
            }

            Assert.Equal(0, heap.Count);
        }, seed: "0N0XIzNsQ0O2", iter: 500);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Pops_as_the_PriorityQueue_it_replaced_did(int seed)
    {
        using var loop = new Loop();
        var random = new Random(seed);
        var heap = new TimerHeap();
        var reference = new PriorityQueue<TimerHandle, (double, long)>();
        long sequence = 0;

        // Few distinct deadlines, -0.0 and 0.0 among them, so that many timers tie.
        double[] deadlines = [-0.0, 0.0, 0.5, 1, 1, 2.25, double.PositiveInfinity];
        for (var step = 0; step < 5000; step++)
        {
            if (heap.Count == 0 || random.Next(3) > 0)
            {
                var when = random.Next(4) == 0 ? random.NextDouble() : deadlines[random.Next(deadlines.Length)];
                var timer = new TimerHandle(loop, when, sequence++, _ => { }, null);
                heap.Push(timer);
                reference.Enqueue(timer, (when, timer.Sequence));
            }
            else
            {
                Assert.Same(reference.Peek(), heap.Head);
                Assert.Same(reference.Dequeue(), heap.Pop());
            }

            Assert.Equal(reference.Count, heap.Count);
        }

        while (reference.TryDequeue(out var expected, out _))
        {
            Assert.Same(expected, heap.Pop());
        }

        Assert.Equal(0, heap.Count);
    }
    [Fact]
    public void Pops_in_order_across_blocks()
    {
        // Enough timers for several of the heap's blocks, pushed and popped in waves so that sifting crosses them.
        using var loop = new Loop();
        var random = new Random(7);
        var heap = new TimerHeap();
        var reference = new PriorityQueue<TimerHandle, (double, long)>();
        long sequence = 0;
        foreach (var (pushes, pops) in new[] { (30_000, 10_000), (20_000, 35_000), (9_000, 4_000) })
        {
            for (var i = 0; i < pushes; i++)
            {
                var when = random.Next(5) == 0 ? random.Next(100) : random.NextDouble() * 100;
                var timer = new TimerHandle(loop, when, sequence++, _ => { }, null);
                heap.Push(timer);
                reference.Enqueue(timer, (when, timer.Sequence));
            }

            for (var i = 0; i < pops; i++)
            {
                Assert.Same(reference.Dequeue(), heap.Pop());
            }

            Assert.Equal(reference.Count, heap.Count);
        }

        heap.RemoveAll(t => t.When < 50);
        var kept = reference.UnorderedItems.Where(item => item.Element.When >= 50).ToList();
        reference = new PriorityQueue<TimerHandle, (double, long)>(kept);
        Assert.Equal(reference.Count, heap.Count);
        while (reference.TryDequeue(out var expected, out _))
        {
            Assert.Same(expected, heap.Pop());
        }

        Assert.Equal(0, heap.Count);
    }
}
