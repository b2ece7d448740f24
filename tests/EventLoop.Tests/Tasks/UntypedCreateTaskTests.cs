namespace EventLoop.Tests.Tasks;

/// <summary>A coroutine with a result keeps its result type when it reaches a task through an untyped path.</summary>
public sealed class UntypedCreateTaskTests
{
    private static async Coroutine<string> Answer()
    {
        await Asyncio.Sleep(1);
        return "forty-two";
    }

    [Fact]
    public void Untyped_create_task_of_a_typed_coroutine_gives_a_typed_task()
    {
        using var loop = new Loop();
        var task = loop.CreateTask((Coroutine)Answer());
        Assert.IsType<LoopTask<string>>(task);
        Assert.Equal("forty-two", loop.RunUntilComplete(task));
    }

    [Fact]
    public void Gather_of_typed_coroutines_gives_their_results()
    {
        async Coroutine<string[]> Main() => await Asyncio.Gather(Answer(), Answer());

        Assert.Equal(["forty-two", "forty-two"], Asyncio.Run(Main()));
    }

    [Fact]
    public void Untyped_gather_gives_the_results_of_typed_coroutines()
    {
        async Coroutine<object?[]> Main() => await Asyncio.Gather(Answer(), Asyncio.Sleep(1));

        Assert.Equal(["forty-two", null], Asyncio.Run(Main()));
    }
}
