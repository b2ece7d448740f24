namespace EventLoop.Tests.Combinators;

/// <summary>What a <see cref="TaskGroup"/> refuses, and how it says so.</summary>
public sealed class TaskGroupMisuseTests
{
    private static async Coroutine<int> Work(double delay, int value)
    {
        await Asyncio.Sleep(delay);
        return value;
    }

    private static async Coroutine<int> Fail(double delay)
    {
        await Asyncio.Sleep(delay);
        throw new ArgumentException("boom");
    }

    [Fact]
    public void CreateTask_after_the_group_finished_names_the_coroutine_and_says_what_to_do()
    {
        async Coroutine<InvalidOperationException> Main()
        {
            TaskGroup group = null!;
            await TaskGroup.Run(async tg =>
            {
                group = tg;
                _ = tg.CreateTask(Work(1, 1));
            });
            var late = Work(1, 2);
            var error = Assert.Throws<InvalidOperationException>(() => group.CreateTask(late));
            late.Close();
            return error;
        }

        var error = Asyncio.Run(Main());
        Assert.Contains("is finished", error.Message);
        Assert.Contains("'Work'", error.Message);
        Assert.Contains("Asyncio.CreateTask", error.Message);
    }

    [Fact]
    public void CreateTask_while_the_group_cancels_its_children_is_refused()
    {
        InvalidOperationException? refused = null;

        async Coroutine<int> Creator(TaskGroup group)
        {
            try
            {
                await Asyncio.Sleep(5);
                return 0;
            }
            catch (CancelledError)
            {
                var late = Work(1, 2);
                refused = Assert.Throws<InvalidOperationException>(() => group.CreateTask(late));
                late.Close();
                throw;
            }
        }

        async Coroutine<string> Run()
        {
            try
            {
                await TaskGroup.Run(async tg =>
                {
                    _ = tg.CreateTask(Creator(tg));
                    _ = tg.CreateTask(Fail(1));
                });
                return "no exception";
            }
            catch (ExceptionGroup group)
            {
                return string.Join(",", group.Exceptions.Select(e => e.Message));
            }
        }

        Assert.Equal("boom", Asyncio.Run(Run()));
        Assert.NotNull(refused);
        Assert.Contains("shutting down", refused.Message);
    }

    [Fact]
    public void The_group_exception_is_an_aggregate_of_the_failures_and_the_siblings_are_cancelled()
    {
        LoopTask<int>? sibling = null;

        async Coroutine<ExceptionGroup> Main()
        {
            try
            {
                await TaskGroup.Run(async tg =>
                {
                    sibling = tg.CreateTask(Work(5, 1));
                    _ = tg.CreateTask(Fail(1));
                    await Asyncio.Sleep(10);
                });
                throw new InvalidOperationException("the group did not raise");
            }
            catch (ExceptionGroup group)
            {
                return group;
            }
        }

        var group = Asyncio.Run(Main());
        Assert.IsAssignableFrom<AggregateException>(group);
        Assert.Equal("unhandled errors in a TaskGroup (1 sub-exception)", group.Message);
        Assert.Equal("boom", Assert.Single(group.InnerExceptions).Message);
        Assert.True(sibling!.Cancelled);
    }

    [Fact]
    public void A_body_that_returns_a_value_hands_it_out_after_the_children()
    {
        async Coroutine<(int, int)> Main()
        {
            var (a, b) = await TaskGroup.Run(async tg => (tg.CreateTask(Work(1, 1)), tg.CreateTask(Work(2, 2))));
            return (a.Result(), b.Result());
        }

        Assert.Equal((1, 2), Asyncio.Run(Main()));
    }
}
