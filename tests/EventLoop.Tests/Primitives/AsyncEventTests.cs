namespace EventLoop.Tests.Primitives;

public sealed class AsyncEventTests
{
    [Fact]
    public void A_waiting_task_waits_on_the_event_waiter_future_until_set()
    {
        Asyncio.Run(Main());

        static async Coroutine Main()
        {
            var ev = new AsyncEvent();
            var waiter = Asyncio.CreateTask(ev.Wait());
            await Asyncio.Sleep(0);
            _ = Assert.IsType<Future<bool>>(waiter.WaitingOn);
            Assert.Equal("AsyncEvent [unset, waiters:1]", ev.ToString());
            ev.Set();
            Assert.True(await waiter);
            Assert.Equal("AsyncEvent [set]", ev.ToString());
        }
    }

    [Fact]
    public void Setting_twice_and_clearing_change_only_the_flag()
    {
        var ev = new AsyncEvent();
        ev.Set();
        ev.Set();
        Assert.True(ev.IsSet);
        ev.Clear();
        Assert.False(ev.IsSet);
    }
}
