namespace EventLoop.Tests;

/// <summary>A task's result is its coroutine's return value, also when the task was created without the result type.</summary>
public sealed class TaskResultTests
{
    [Fact]
    public void Untyped_task_of_a_typed_coroutine_gives_the_coroutine_result()
    {
        using var loop = new Loop();
        var task = loop.CreateTask((Coroutine)Echo("x"));
        Assert.Equal("x", loop.RunUntilComplete(task));
        Assert.Equal("x", task.Result());
    }

    [Fact]
    public void Gather_of_typed_coroutines_gives_their_results_in_order()
    {
        var results = Asyncio.Run(Main());
        Assert.Equal(["a", "b"], results);

        static async Coroutine<string[]> Main() => await Asyncio.Gather(new[] { Echo("a"), Echo("b") }.AsEnumerable());
    }

    [Fact]
    public void Gather_of_mixed_coroutines_gives_their_boxed_results()
    {
        var results = Asyncio.Run(Main());
        Assert.Equal([1, "b"], results);

        static async Coroutine<object?[]> Main() => await Asyncio.Gather(Echo(1), Echo("b"));
    }

    private static async Coroutine<T> Echo<T>(T value)
    {
        await Asyncio.Sleep(0);
        return value;
    }
}
