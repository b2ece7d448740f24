using System.Reflection;

namespace EventLoop.Tests.Tasks;

/// <summary>
/// What a task keeps out of line (its rarely used fields, numbers past an int) reads the same as before: names,
/// ids, cancellation counts, the coroutine, the owner of a waiter.
/// </summary>
public sealed class TaskFieldsOutOfLineTests
{
    private static async Coroutine<int> Nap()
    {
        await Asyncio.Sleep(1);
        return 1;
    }

    [Fact]
    public void Ids_and_default_names_past_an_int_are_kept()
    {
        using var loop = new Loop();
        foreach (var counter in new[] { "_lastTaskId", "_lastTaskNumber" })
        {
            typeof(Loop).GetField(counter, BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(loop, (long)int.MaxValue - 1);
        }

        var tasks = Enumerable.Range(0, 3).Select(_ => loop.CreateTask(Nap())).ToList();
        var named = loop.CreateTask(Nap(), "named");
        loop.RunUntilComplete(Asyncio.GatherOn(loop, false, tasks.Append(named)));

        Assert.Equal([(long)int.MaxValue, (long)int.MaxValue + 1, (long)int.MaxValue + 2], tasks.Select(t => t.Id));
        Assert.Equal(["Task-2147483647", "Task-2147483648", "Task-2147483649"], tasks.Select(t => t.Name));
        Assert.Equal((long)int.MaxValue + 3, named.Id);
        Assert.Equal("named", named.Name);
    }

    [Fact]
    public void Default_names_count_only_the_tasks_that_took_a_number()
    {
        var names = new List<string>();

        async Coroutine Main()
        {
            var loop = Loop.GetRunningLoop();
            var tasks = new List<LoopTask>
            {
                loop.CreateTask(Nap()),
                loop.CreateTask(Nap(), "direct"),
                loop.CreateTask(Nap()),
                loop.CreateTask(Nap(), "direct again"),
                loop.CreateTask(Nap(), "and again"),
                Asyncio.CreateTask(Nap(), "numbered"),
                Asyncio.CreateTask(Nap()),
                loop.CreateTask(Nap()),
            };
            await Asyncio.Gather(tasks.ToArray());
            names.AddRange(tasks.Select(t => $"{t.Id}:{t.Name}"));
        }

        Asyncio.Run(Main());
        Assert.Equal(["2:Task-2", "3:direct", "4:Task-3", "5:direct again", "6:and again", "7:numbered", "8:Task-5", "9:Task-6"], names);
    }

    [Fact]
    public void Names_cancel_counts_and_the_coroutine_read_as_set()
    {
        using var loop = new Loop();
        var coroutine = Nap();
        var task = loop.CreateTask(coroutine);
        Assert.Same(coroutine, task.Coroutine);
        Assert.Null(task.NameIfMade);
        Assert.Equal("Task-1", task.Name);
        Assert.Equal("Task-1", task.NameIfMade);
        task.Name = "renamed";
        Assert.Equal("renamed", task.Name);

        Assert.Equal(0, task.Cancelling());
        Assert.Equal(0, task.Uncancel());
        task.Cancel("first");
        task.Cancel("second");
        Assert.Equal(2, task.Cancelling());
        Assert.Equal(1, task.Uncancel());
        Assert.Equal(0, task.Uncancel());
        Assert.Equal(0, task.Uncancel());
        task.Cancel("third");
        var error = Assert.Throws<CancelledError>(() => loop.RunUntilComplete(task));
        Assert.Equal("third", error.Message);
        Assert.Same(coroutine, task.Coroutine);
    }

    [Fact]
    public void A_waiter_keeps_its_owner_when_it_gets_more_callbacks_and_a_cancel_message()
    {
        using var loop = new Loop();
        var owner = new object();
        var waiter = loop.CreateWaiter(owner);
        var calls = new List<string>();
        waiter.AddDoneCallback(_ => calls.Add("a"));
        waiter.AddDoneCallback(_ => calls.Add("b"));
        Assert.Same(owner, waiter.Owner);
        waiter.Cancel("why");
        Assert.Same(owner, waiter.Owner);
        loop.RunUntilComplete(Asyncio.GatherOn(loop, true, [waiter]));
        Assert.Equal(["a", "b"], calls);
        Assert.Equal("why", Assert.Throws<CancelledError>(() => waiter.Result()).Message);
    }
}
