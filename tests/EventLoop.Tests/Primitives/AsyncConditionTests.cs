namespace EventLoop.Tests.Primitives;

public sealed class AsyncConditionTests
{
    [Fact]
    public void Waiting_without_the_lock_says_to_acquire_it_first()
    {
        var error = Asyncio.Run(Main());
        Assert.StartsWith("cannot wait on un-acquired lock:", error.Message);
        Assert.Contains("task 'Task-1'", error.Message);

        static async Coroutine<InvalidOperationException> Main()
        {
            try
            {
                await new AsyncCondition().Wait();
            }
            catch (InvalidOperationException error)
            {
                return error;
            }

            throw new InvalidOperationException("Wait() did not refuse");
        }
    }

    [Fact]
    public void Notifying_without_the_lock_says_to_acquire_it_first()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AsyncCondition().Notify());
        Assert.StartsWith("cannot notify on un-acquired lock:", error.Message);
        Assert.Throws<InvalidOperationException>(new AsyncCondition().NotifyAll);
    }

    [Fact]
    public void A_condition_over_a_shared_lock_uses_that_lock()
    {
        Asyncio.Run(Main());

        static async Coroutine Main()
        {
            var lk = new AsyncLock();
            var cond = new AsyncCondition(lk);
            using (await cond.Acquire())
            {
                Assert.True(lk.Locked);
                Assert.Equal("AsyncCondition [locked]", cond.ToString());
            }

            Assert.False(lk.Locked);
        }
    }

    [Fact]
    public void A_waiting_task_waits_on_the_condition_waiter_future_without_holding_the_lock()
    {
        Asyncio.Run(Main());

        static async Coroutine Main()
        {
            var cond = new AsyncCondition();
            var waiter = Asyncio.CreateTask(WaitOnce(cond));
            await Asyncio.Sleep(0);
            _ = Assert.IsType<Future<bool>>(waiter.WaitingOn);
            Assert.Equal("AsyncCondition [unlocked, waiters:1]", cond.ToString());
            using (await cond.Acquire())
            {
                cond.Notify();
            }

            await waiter;
            Assert.False(cond.Locked);
        }

        static async Coroutine WaitOnce(AsyncCondition cond)
        {
            using (await cond.Acquire())
            {
                Assert.True(await cond.Wait());
                Assert.True(cond.Locked);
            }
        }
    }
}
