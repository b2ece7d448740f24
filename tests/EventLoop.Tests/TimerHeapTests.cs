namespace EventLoop.Tests;

/// <summary>The loop's timer heap pops in (deadline, scheduling order), as the PriorityQueue it replaced did.</summary>
public sealed class TimerHeapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Pops_in_deadline_then_sequence_order_through_interleaved_pushes_and_pops(int seed)
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
                var timer = new TimerHandle(loop, when, sequence++, _ => { }, null, null, null);
                heap.Enqueue(timer);
                reference.Enqueue(timer, (when, timer.Sequence));
            }
            else
            {
                Assert.True(heap.TryPeek(out var peeked, out var peekedWhen));
                Assert.Same(reference.Peek(), peeked);
                Assert.Equal(peeked.When, peekedWhen);
                Assert.Same(reference.Dequeue(), heap.Dequeue());
            }

            Assert.Equal(reference.Count, heap.Count);
        }

        Assert.Equal(
            reference.UnorderedItems.Select(item => item.Element).OrderBy(t => t.Sequence),
            heap.UnorderedItems.Select(item => item.Timer).OrderBy(t => t.Sequence));
        while (reference.TryDequeue(out var expected, out _))
        {
            Assert.True(heap.TryDequeue(out var actual, out _));
            Assert.Same(expected, actual);
        }

        Assert.False(heap.TryDequeue(out _, out _));
        Assert.False(heap.TryPeek(out _, out _));
    }

    [Fact]
    public void Clear_empties_the_heap()
    {
        using var loop = new Loop();
        var heap = new TimerHeap();
        heap.Enqueue(new TimerHandle(loop, 1, 0, _ => { }, null, null, null));
        heap.Clear();
        Assert.Equal(0, heap.Count);
        Assert.Empty(heap.UnorderedItems);
        Assert.Throws<InvalidOperationException>(() => heap.Dequeue());
    }
}
