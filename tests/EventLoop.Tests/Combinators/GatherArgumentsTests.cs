namespace EventLoop.Tests.Combinators;

/// <summary>
/// What <c>Gather</c> does with what it is given: an array is the caller's and stays as it was; a sequence is copied,
/// and the copy is the gather's to clear (tests/EventLoop.Tests/Tasks/FinishedTaskLifetimeTests.cs checks that it is).
/// </summary>
public sealed class GatherArgumentsTests
{
    private static async Coroutine<int> Work(int value)
    {
        await Asyncio.Sleep(0);
        return value;
    }

    [Fact]
    public void An_array_of_coroutines_given_to_gather_keeps_its_coroutines()
    {
        var coroutines = new[] { Work(1), Work(2), Work(3) };
        var given = coroutines.ToArray();

        var results = Asyncio.Run(Gathered());

        Assert.Equal([1, 2, 3], results);
        Assert.Equal(given, coroutines);

        async Coroutine<int[]> Gathered() => await Asyncio.Gather(coroutines);
    }

    [Fact]
    public void An_array_of_tasks_given_to_gather_keeps_its_tasks()
    {
        IFuture<int>[]? tasks = null;
        IFuture<int>[]? given = null;

        var results = Asyncio.Run(Gathered());

        Assert.Equal([1, 2], results);
        Assert.Equal(given, tasks);

        async Coroutine<int[]> Gathered()
        {
            tasks = [Asyncio.CreateTask(Work(1)), Asyncio.CreateTask(Work(2))];
            given = tasks.ToArray();
            return await Asyncio.Gather(tasks);
        }
    }

    [Fact]
    public void An_array_of_awaitables_given_to_gather_keeps_its_awaitables()
    {
        var awaitables = new object[] { Work(1), Asyncio.Sleep(0, "two") };
        var given = awaitables.ToArray();

        var results = Asyncio.Run(Gathered());

        Assert.Equal([1, "two"], results);
        Assert.Equal(given, awaitables);

        async Coroutine<object?[]> Gathered() => await Asyncio.Gather(awaitables);
    }

    [Fact]
    public void A_sequence_given_to_gather_is_read_once_in_order()
    {
        var reads = 0;

        var results = Asyncio.Run(Gathered());

        Assert.Equal([0, 1, 2, 3], results);
        Assert.Equal(4, reads);

        async Coroutine<int[]> Gathered() => await Asyncio.Gather(Enumerable.Range(0, 4).Select(i =>
        {
            reads++;
            return Work(i);
        }));
    }
}
