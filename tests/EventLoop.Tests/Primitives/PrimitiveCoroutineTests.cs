namespace EventLoop.Tests.Primitives;

/// <summary>
/// The queue's Put and Get and the semaphore's and the lock's Acquire are written by hand (no async state machine)
/// and their waiters are kept in a <see cref="WaiterQueue{TWaiter}"/>: every path of theirs still does, prints and traces
/// what the async methods they replaced did. The expected files were produced by the async-method versions (commit
/// c3cce0c).
/// </summary>
public sealed class PrimitiveCoroutineTests
{
    private static readonly string ExpectedFolder = Path.Combine(AppContext.BaseDirectory, "Primitives", "expected");

    [Fact]
    public void Every_path_of_Put_and_Get_logs_and_traces_as_the_async_methods_did() =>
        AssertAsBefore("queue", PrimitiveCoroutinePrograms.Queue);

    [Fact]
    public void Every_path_of_Acquire_logs_and_traces_as_the_async_method_did() =>
        AssertAsBefore("semaphore", PrimitiveCoroutinePrograms.Semaphore);

    [Fact]
    public void Every_path_of_the_lock_s_Acquire_logs_and_traces_as_the_async_method_did() =>
        AssertAsBefore("lock", PrimitiveCoroutinePrograms.Lock);

    [Fact]
    public void The_waiter_queue_keeps_arrival_order_through_adds_and_removals_anywhere()
    {
        using var loop = new Loop();
        var random = new Random(7);
        var queue = new WaiterQueue<Future<bool>>();
        var model = new List<Future<bool>>();
        var made = new List<Future<bool>>();
        for (var step = 0; step < 20_000; step++)
        {
            // Phases that grow the queue over several blocks and drain it to empty again.
            var growing = step / 2_000 % 2 == 0;
            var roll = random.Next(10);
            if (roll < (growing ? 6 : 3) || model.Count == 0)
            {
                var waiter = loop.CreateFuture<bool>();
                made.Add(waiter);
                queue.AddLast(waiter);
                model.Add(waiter);
            }
            else if (roll < 7)
            {
                Assert.Same(model[0], queue.RemoveFirst());
                model.RemoveAt(0);
            }
            else
            {
                // Mostly near either end, as waiters leave; sometimes anywhere, or one that is not queued.
                var index = random.Next(4) switch
                {
                    0 => random.Next(Math.Min(3, model.Count)),
                    1 => model.Count - 1 - random.Next(Math.Min(3, model.Count)),
                    _ => random.Next(model.Count),
                };
                var waiter = random.Next(8) == 0 ? made[random.Next(made.Count)] : model[index];
                Assert.Equal(model.Remove(waiter), queue.Remove(waiter));
            }

            Assert.Equal(model.Count, queue.Count);
            Assert.Same(model.Count == 0 ? null : model[0], queue.First);
            if (step % 97 == 0 || model.Count < 3)
            {
                var listed = new List<Future<bool>>();
                foreach (var waiter in queue)
                {
                    listed.Add(waiter);
                }

                Assert.Equal(model, listed);
            }
        }
    }

    private static void AssertAsBefore(string name, Func<List<string>> program)
    {
        List<string> log = [];
        var trace = TraceCapture.Run(() => log = program());
        Assert.Equal(File.ReadAllText(Path.Combine(ExpectedFolder, name + ".log.txt")), string.Join("\n", log) + "\n");
        Assert.Equal(File.ReadAllText(Path.Combine(ExpectedFolder, name + ".trace.txt")), trace);
    }
}
