namespace EventLoop.Tests;

/// <summary>AsyncLocal values behave like CPython's contextvars: each task runs in a copy of its creator's context.</summary>
public sealed class ContextTests
{
    private static readonly AsyncLocal<string?> Request = new();

    [Fact]
    public void A_task_sees_its_creators_values_and_keeps_its_own_changes_to_itself()
    {
        var seen = new List<string>();

        async Coroutine Child(string name)
        {
            seen.Add($"{name} starts with {Request.Value}");
            Request.Value = name;
            await Asyncio.Sleep(1);
            seen.Add($"{name} still has {Request.Value}");
        }

        async Coroutine Main()
        {
            Request.Value = "main";
            var a = Asyncio.CreateTask(Child("a"));
            Request.Value = "main-later";
            var b = Asyncio.CreateTask(Child("b"));
            await Asyncio.Gather(a, b);
            seen.Add($"main has {Request.Value}");
        }

        Asyncio.Run(Main());
        Assert.Equal(
            ["a starts with main", "b starts with main-later", "a still has a", "b still has b", "main has main-later"],
            seen);
        Assert.Null(Request.Value);
    }

    [Fact]
    public void Tasks_created_in_different_contexts_outside_the_loop_each_run_in_theirs()
    {
        var seen = new List<string>();

        async Coroutine Report(string name)
        {
            await Asyncio.Sleep(0);
            seen.Add($"{name}: {Request.Value}");
            Request.Value = name + " changed";
            await Asyncio.Sleep(0);
            seen.Add($"{name}: {Request.Value}");
        }

        using var loop = new Loop();
        var first = loop.CreateTask(Report("first"));
        Request.Value = "outside";
        var second = loop.CreateTask(Report("second"));
        Request.Value = null;
        var third = loop.CreateTask(Report("third"));
        loop.RunUntilComplete(Asyncio.GatherOn(loop, false, [first, second, third]));
        Assert.Equal(
            ["first: ", "second: outside", "third: ", "first: first changed", "second: second changed", "third: third changed"],
            seen);
        Assert.Null(Request.Value);
    }
}
