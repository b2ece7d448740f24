namespace EventLoop.Tests.Primitives;

public sealed class AsyncSemaphoreTests
{
    [Fact]
    public void A_negative_initial_value_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AsyncSemaphore(-1));
        Assert.Contains("Semaphore initial value must be >= 0", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AsyncBoundedSemaphore(-1));
    }

    [Fact]
    public void Over_releasing_a_bounded_semaphore_says_so_and_changes_nothing()
    {
        var (error, value) = Asyncio.Run(Main());
        Assert.StartsWith("BoundedSemaphore released too many times:", error.Message);
        Assert.Contains("task 'Task-1'", error.Message);
        Assert.Equal(2, value);

        static async Coroutine<(SemaphoreFullException, int)> Main()
        {
            var sem = new AsyncBoundedSemaphore(2);
            using (await sem.Acquire())
            {
                Assert.Equal(1, sem.Value);
            }

            var error = Assert.Throws<SemaphoreFullException>(sem.Release);
            return (error, sem.Value);
        }
    }

    [Fact]
    public void A_plain_semaphore_may_be_released_beyond_its_initial_value()
    {
        var sem = new AsyncSemaphore(1);
        sem.Release();
        Assert.Equal(2, sem.Value);
        Assert.Equal("AsyncSemaphore [unlocked, value:2]", sem.ToString());
    }

    [Fact]
    public void A_waiting_task_waits_on_the_semaphore_waiter_future()
    {
        Asyncio.Run(Main());

        static async Coroutine Main()
        {
            var sem = new AsyncSemaphore(0);
            var waiter = Asyncio.CreateTask(Take(sem));
            await Asyncio.Sleep(0);
            _ = Assert.IsType<Future<bool>>(waiter.WaitingOn);
            Assert.Equal("AsyncSemaphore [locked, waiters:1]", sem.ToString());
            sem.Release();
            Assert.Equal(0, sem.Value);
            await waiter;
            Assert.Equal(1, sem.Value);
        }

        static async Coroutine Take(AsyncSemaphore sem)
        {
            using (await sem.Acquire())
            {
                await Asyncio.Sleep(0);
            }
        }
    }
}
