namespace EventLoop.Tests.Primitives;

public sealed class AsyncLockTests
{
    [Fact]
    public void Releasing_an_unlocked_lock_says_so_and_names_the_task()
    {
        var error = Asyncio.Run(Main());
        Assert.StartsWith("Lock is not acquired:", error.Message);
        Assert.Contains("task 'Task-1'", error.Message);
        Assert.Contains("AsyncLock [unlocked]", error.Message);

        static async Coroutine<InvalidOperationException> Main()
        {
            await Asyncio.Sleep(0);
            return Assert.Throws<InvalidOperationException>(new AsyncLock().Release);
        }
    }

    [Fact]
    public void Releasing_an_unlocked_lock_outside_a_loop_says_who_did_it()
    {
        var error = Assert.Throws<InvalidOperationException>(new AsyncLock().Release);
        Assert.Contains("code outside any task", error.Message);
    }

    [Fact]
    public void A_waiting_task_waits_on_the_lock_waiter_future()
    {
        Asyncio.Run(Main());

        static async Coroutine Main()
        {
            var lk = new AsyncLock();
            await lk.Acquire();
            var waiter = Asyncio.CreateTask(Hold(lk));
            await Asyncio.Sleep(0);
            _ = Assert.IsType<Future<bool>>(waiter.WaitingOn);
            Assert.False(waiter.WaitingOn!.Done);
            Assert.Equal("AsyncLock [locked, waiters:1]", lk.ToString());
            lk.Release();
            await waiter;
            Assert.Equal("AsyncLock [unlocked]", lk.ToString());
        }

        static async Coroutine Hold(AsyncLock lk)
        {
            using (await lk.Acquire())
            {
                await Asyncio.Sleep(0);
            }
        }
    }

    [Fact]
    public void The_using_scope_releases_the_lock_when_its_body_throws()
    {
        var lk = new AsyncLock();
        Asyncio.Run(Main(lk));
        Assert.False(lk.Locked);

        static async Coroutine Main(AsyncLock lk)
        {
            try
            {
                using (await lk.Acquire())
                {
                    Assert.True(lk.Locked);
                    await Asyncio.Sleep(0);
                    throw new FormatException("body failed");
                }
            }
            catch (FormatException)
            {
                Assert.False(lk.Locked);
            }
        }
    }

    [Fact]
    public void Default_releaser_releases_nothing()
    {
        var lk = new AsyncLock();
        default(Releaser).Dispose();
        Assert.False(lk.Locked);
    }

    [Fact]
    public void A_lock_that_waited_on_one_loop_refuses_to_wait_on_another()
    {
        var lk = new AsyncLock();
        Asyncio.Run(Contend(lk));
        var error = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(Contend(lk)));
        Assert.Contains("bound to a different event loop", error.Message);

        static async Coroutine Contend(AsyncLock lk)
        {
            await lk.Acquire();
            var other = Asyncio.CreateTask(Take(lk));
            await Asyncio.Sleep(0);
            lk.Release();
            await other;
        }

        static async Coroutine Take(AsyncLock lk)
        {
            await lk.Acquire();
            lk.Release();
        }
    }

    [Fact]
    public void A_lock_given_a_loop_refuses_to_wait_on_another()
    {
        using var owner = new Loop();
        var lk = new AsyncLock(owner);
        var error = Assert.Throws<InvalidOperationException>(() => Asyncio.Run(Main(lk)));
        Assert.Contains("bound to a different event loop", error.Message);

        static async Coroutine Main(AsyncLock lk)
        {
            await lk.Acquire();
            await lk.Acquire();
        }
    }
}
