using CsCheck;

namespace EventLoop.Tests;

/// <summary>
/// The never-awaited registry is linked through the coroutines themselves: however they are built and claimed, the
/// unclaimed ones stay linked in creation order (the newest linked one leading to the registry; the newest of all may
/// be only remembered, not linked yet), and closing warns about exactly those, oldest first.
/// </summary>
public class CoroutineRegistryTests
{
    // Runs of builds and claims (of a random unclaimed coroutine, the oldest or the newest often).
    private static readonly Gen<(bool Build, int Times, int Seed)[]> Ops = Gen.Select(Gen.Bool, Gen.Int[1, 50], Gen.Int).Array[0, 20];

    private static async Coroutine<int> First()
    {
        await Asyncio.Sleep(0);
        return 0;
    }

    private static async Coroutine<int> Second()
    {
        await Asyncio.Sleep(0);
        return 0;
    }

    private static async Coroutine<int> Third()
    {
        await Asyncio.Sleep(0);
        return 0;
    }

    [Fact]
    public void Keeps_the_unclaimed_coroutines_linked_in_creation_order()
    {
        Ops.Sample(ops =>
        {
            // A thread of its own: the registry is the thread's, and other tests may leave coroutines on theirs.
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    Check(ops);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            });
            thread.Start();
            thread.Join();
            if (failure is not null)
            {
                throw failure;
            }
        }, iter: 200);
    }

    private static void Check((bool Build, int Times, int Seed)[] ops)
    {
        var model = new List<Coroutine>();
        var built = 0;
        foreach (var (build, times, seed) in ops)
        {
            var random = new Random(seed);
            for (var i = 0; i < times; i++)
            {
                if (build)
                {
                    // Three names in turn, so that the warnings show the order.
                    model.Add((built++ % 3) switch
                    {
                        0 => First(),
                        1 => Second(),
                        _ => Third(),
                    });
                }
                else if (model.Count > 0)
                {
                    var index = random.Next(3) switch
                    {
                        0 => 0,
                        1 => model.Count - 1,
                        _ => random.Next(model.Count),
                    };
                    model[index].Close();
                    Assert.False(model[index].IsUnclaimed);
                    model.RemoveAt(index);
                }
            }

            // Every one but the newest is linked; the newest is linked only once another was built after it.
            var linked = model.Count > 0 && CoroutineRegistry.IsLinked(model[^1]) ? model.Count : model.Count - 1;
            for (var i = 0; i < model.Count; i++)
            {
                Assert.True(model[i].IsUnclaimed);
                if (i >= linked)
                {
                    Assert.Null(model[i].RegistryPrevious);
                    Assert.Null(model[i].RegistryNext);
                    continue;
                }

                Assert.Same(i == 0 ? null : model[i - 1], model[i].RegistryPrevious);
                if (i < linked - 1)
                {
                    Assert.Same(model[i + 1], model[i].RegistryNext);
                }
                else
                {
                    Assert.Same(CoroutineRegistry.ForThisThread, model[i].RegistryNext);
                }
            }
        }

        using var warnings = Warnings.Catch();
        CoroutineRegistry.ForThisThread.WarnNeverAwaited();
        Assert.Equal(model.Select(coroutine => coroutine.Name), warnings.Select(warning => warning.Subject));
        Assert.All(model, coroutine => Assert.False(coroutine.IsUnclaimed));
        Assert.All(model, coroutine => Assert.Equal(CoroutineState.Created, coroutine.State));
    }
}
