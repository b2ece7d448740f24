namespace EventLoop.Tests.Combinators;

/// <summary>What a <see cref="TimeoutScope"/> refuses, and its states.</summary>
public sealed class TimeoutScopeMisuseTests
{
    [Fact]
    public void Reschedule_before_the_block_runs_says_it_has_not_been_entered()
    {
        async Coroutine<string> Main()
        {
            var scope = Asyncio.Timeout(1);
            return Assert.Throws<InvalidOperationException>(() => scope.Reschedule(5)).Message;
        }

        Assert.StartsWith("Timeout has not been entered", Asyncio.Run(Main()));
    }

    [Fact]
    public void Reschedule_after_the_block_names_the_state()
    {
        async Coroutine<string> Main()
        {
            var scope = Asyncio.Timeout(1);
            await scope.Run(() => Asyncio.Sleep(0.5));
            return Assert.Throws<InvalidOperationException>(() => scope.Reschedule(5)).Message;
        }

        Assert.StartsWith("Cannot change state of finished Timeout", Asyncio.Run(Main()));
    }

    [Fact]
    public void A_scope_runs_one_block_only()
    {
        async Coroutine<string> Main()
        {
            var scope = Asyncio.Timeout(1);
            await scope.Run(() => Asyncio.Sleep(0.5));
            var error = await CatchAsync(scope.Run(() => Asyncio.Sleep(0.5)));
            return error?.Message ?? "no exception";
        }

        Assert.StartsWith("Timeout has already been entered", Asyncio.Run(Main()));
    }

    [Fact]
    public void Expiry_throws_a_timeout_caused_by_the_cancellation_and_keeps_the_result_type()
    {
        async Coroutine<Exception?> Main()
        {
            var scope = Asyncio.Timeout(1);
            var error = await CatchAsync(scope.Run(() => Asyncio.Sleep(5, "late")));
            Assert.True(scope.Expired);
            Assert.Equal("<Timeout [expired]>", scope.ToString());
            Assert.Equal("on time", await Asyncio.Timeout(5).Run(() => Asyncio.Sleep(1, "on time")));
            return error;
        }

        var error = Asyncio.Run(Main());
        var timeout = Assert.IsType<TimeoutException>(error);
        Assert.IsType<CancelledError>(timeout.InnerException);
        Assert.Equal(string.Empty, timeout.Message);
    }

    [Fact]
    public void An_exception_from_the_block_passes_through_unchanged()
    {
        async Coroutine<Exception?> Main() =>
            await CatchAsync(Asyncio.TimeoutAt(10).Run(async () =>
            {
                await Asyncio.Sleep(1);
                throw new ArgumentException("own failure");
            }));

        Assert.Equal("own failure", Assert.IsType<ArgumentException>(Asyncio.Run(Main())).Message);
    }

    private static async Coroutine<Exception?> CatchAsync(Coroutine coroutine)
    {
        try
        {
            await coroutine;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
