namespace EventLoop;

public sealed partial class Loop
{
    /// <summary>
    /// Runs <paramref name="coroutine"/> in a task on this loop from any thread (<c>run_coroutine_threadsafe</c>);
    /// the returned <see cref="Task{TResult}"/> completes with the task's outcome, for callers outside the loop.
    /// </summary>
    public Task<T> RunCoroutineThreadsafe<T>(Coroutine<T> coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        CallSoonThreadsafe(() =>
        {
            var task = CreateTask(coroutine);
            task.AddDoneCallback(_ =>
            {
                if (task.Cancelled)
                {
                    completion.SetCanceled();
                }
                else if (task.Exception() is { } exception)
                {
                    completion.SetException(exception);
                }
                else
                {
                    completion.SetResult(task.Result());
                }
            });
        });
        return completion.Task;
    }
}
