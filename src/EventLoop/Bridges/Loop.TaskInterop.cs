namespace EventLoop;

public sealed partial class Loop
{
    /// <summary>
    /// A loop future that completes when <paramref name="task"/> does (the counterpart of <c>asyncio.wrap_future</c>).
    /// A task that completes on the loop's thread (plain <c>async Task</c> code running on the loop) delivers its
    /// outcome in the same iteration; one completing on another thread posts it through the thread-safe inbox, and
    /// a virtual-clock loop with nothing else to do waits for it instead of reporting a deadlock.
    /// </summary>
    public Future<T> WrapTask<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var future = CreateFuture<T>();
        Deliver(task, future, t => t.Result);
        return future;
    }

    /// <inheritdoc cref="WrapTask{T}(Task{T})"/>
    public Future<bool> WrapTask(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var future = CreateFuture<bool>();
        Deliver(task, future, _ => true);
        return future;
    }

    /// <summary>
    /// Runs plain <c>async Task</c> code on the loop until it completes: <paramref name="main"/> starts inside a
    /// task, with the loop's <see cref="SynchronizationContext"/> current, so its continuations come back to the loop.
    /// </summary>
    public void RunUntilComplete(Func<Task> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        RunUntilComplete(AwaitTask(main));
    }

    private async Coroutine AwaitTask(Func<Task> main) => await WrapTask(main());

    private void Deliver<TTask, T>(TTask task, Future<T> future, Func<TTask, T> result)
        where TTask : Task
    {
        if (task.IsCompleted)
        {
            Complete(task, future, result);
            return;
        }

        ExternalWorkStarted();
        task.ContinueWith(
            _ =>
            {
                if (IsLoopThread)
                {
                    Complete(task, future, result);
                }
                else
                {
                    CallSoonThreadsafe(() => Complete(task, future, result));
                }

                ExternalWorkFinished();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void Complete<TTask, T>(TTask task, Future<T> future, Func<TTask, T> result)
        where TTask : Task
    {
        if (future.Done)
        {
            return;
        }

        if (task.IsCanceled)
        {
            future.Cancel();
        }
        else if (task.IsFaulted)
        {
            future.SetException(task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception);
        }
        else
        {
            future.SetResult(result(task));
        }
    }
}
