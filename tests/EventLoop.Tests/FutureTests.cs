namespace EventLoop.Tests;

public sealed class FutureTests
{
    [Fact]
    public void A_result_is_read_back_and_a_pending_future_has_none()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        Assert.False(future.Done);
        Assert.Contains("still pending", Assert.Throws<InvalidStateError>(() => future.Result()).Message);
        future.SetResult(42);
        Assert.True(future.Done);
        Assert.Equal(42, future.Result());
        Assert.Equal(42, ((Future)future).Result());
        Assert.Null(future.Exception());
    }

    [Fact]
    public void Setting_a_result_twice_is_an_invalid_state()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        future.SetResult(1);
        var error = Assert.Throws<InvalidStateError>(() => future.SetResult(2));
        Assert.Contains("already done", error.Message);
        Assert.Equal(1, future.Result());
    }

    [Fact]
    public void An_exception_is_raised_by_result_and_returned_by_exception()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        var boom = new InvalidOperationException("boom");
        future.SetException(boom);
        Assert.Same(boom, future.Exception());
        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => future.Result()));
    }

    [Fact]
    public void A_cancelled_future_raises_a_cancellation_with_its_message()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        Assert.True(future.Cancel("stop it"));
        Assert.False(future.Cancel("again"));
        Assert.True(future.Cancelled);
        Assert.Equal("stop it", Assert.Throws<CancelledError>(() => future.Result()).Message);
        Assert.IsAssignableFrom<OperationCanceledException>(Record.Exception(() => future.Exception()));
    }

    [Fact]
    public void Done_callbacks_are_scheduled_in_registration_order_never_inline_also_after_completion()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<string>();
        var calls = new List<string>();
        future.AddDoneCallback(f => calls.Add($"first:{f.Result()}@{loop.Iteration}"));
        future.AddDoneCallback(f => calls.Add($"second@{loop.Iteration}"));
        loop.CallSoon(() =>
        {
            future.SetResult("x");
            calls.Add($"set@{loop.Iteration}");
            future.AddDoneCallback(_ => calls.Add($"late@{loop.Iteration}"));
            calls.Add("after-add");
        });
        loop.CallLater(1, loop.Stop);
        loop.RunForever();
        Assert.Equal(["set@1", "after-add", "first:x@2", "second@2", "late@2"], calls);
    }

    [Fact]
    public void Removing_a_done_callback_removes_every_registration()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        var calls = 0;
        Action<Future> callback = _ => calls++;
        future.AddDoneCallback(callback);
        future.AddDoneCallback(callback);
        Assert.Equal(2, future.RemoveDoneCallback(callback));
        future.SetResult(1);
        loop.CallLater(1, loop.Stop);
        loop.RunForever();
        Assert.Equal(0, calls);
    }

    [Fact]
    public void An_exception_never_retrieved_is_reported_once_when_the_loop_closes()
    {
        var loop = new Loop();
        var reports = new List<ExceptionContext>();
        loop.SetExceptionHandler((_, c) => reports.Add(c));
        var seen = loop.CreateFuture<int>();
        var unseen = loop.CreateFuture<int>();
        seen.SetException(new InvalidOperationException("seen"));
        unseen.SetException(new InvalidOperationException("unseen"));
        _ = seen.Exception();
        loop.Close();
        loop.Close();
        var report = Assert.Single(reports);
        Assert.Equal("Future exception was never retrieved", report.Message);
        Assert.Equal("unseen", report.Exception!.Message);
    }

    [Fact]
    public void Coroutines_and_plain_async_code_can_await_a_future()
    {
        using var loop = new Loop();
        var future = loop.CreateFuture<int>();
        loop.CallLater(1, () => future.SetResult(7));
        var fromCoroutine = loop.CreateTask(Await(future));
        var fromTask = 0;
        loop.RunUntilComplete(async () => fromTask = await future + 1);
        loop.RunUntilComplete(fromCoroutine);
        Assert.Equal(7, fromCoroutine.Result());
        Assert.Equal(8, fromTask);
    }

    private static async Coroutine<int> Await(Future<int> future) => await future;
}
