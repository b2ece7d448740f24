namespace EventLoop.Tests;

/// <summary>Iteration-exact scheduling, checked against CPython 3.11 on vloop (the expected strings are its output).</summary>
public sealed class ScheduleTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void Iterations_match_CPython_for_direct_awaits_yields_sleeps_futures_and_long_sleeps()
    {
        // CPython (vloop.py) prints exactly this for the same program: see the Python in the comment of each step.
        Asyncio.Run(Main());
        Assert.Equal(
            "main@1 direct=2@1 a0@2 b0@2 a1@3 b1@3 a2@4 a-done@6 slept@8 t=1 fut=5@10 t=3 long@13 t=100003",
            string.Join(" ", _log));
    }

    private static long Iteration => Loop.GetRunningLoop().Iteration;

    private static double Now => Loop.GetRunningLoop().Time;

    private static async Coroutine<int> Leaf() => await Task.FromResult(1);

    private static async Coroutine<int> Mid() => await Leaf() + 1;

    private async Coroutine<string> Yielder(string name, int n)
    {
        for (var i = 0; i < n; i++)
        {
            _log.Add($"{name}{i}@{Iteration}");
            await Asyncio.Sleep(0);
        }

        return name;
    }

    private async Coroutine Main()
    {
        _log.Add($"main@{Iteration}");
        var v = await Mid();
        _log.Add($"direct={v}@{Iteration}");
        var a = Asyncio.CreateTask(Yielder("a", 3));
        _ = Asyncio.CreateTask(Yielder("b", 2));
        await a;
        _log.Add($"a-done@{Iteration}");
        await Asyncio.Sleep(1);
        _log.Add($"slept@{Iteration} t={Now}");
        var loop = Loop.GetRunningLoop();
        var future = loop.CreateFuture<int>();
        loop.CallLater(2, () => future.SetResult(5));
        _log.Add($"fut={await future}@{Iteration} t={Now}");
        await Asyncio.Sleep(100000);
        _log.Add($"long@{Iteration} t={Now}");
    }
}
