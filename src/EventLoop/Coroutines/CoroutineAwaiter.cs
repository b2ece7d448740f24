using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// Marks the awaiters of a coroutine: the awaiting coroutine's task starts the callee inline. Every one is a struct
/// whose only field is the coroutine, which <c>Coroutine.Suspend</c> reads in place (AwaiterLayoutTests checks it).
/// </summary>
internal interface ICoroutineAwaiter
{
}

/// <summary>
/// Awaits a <see cref="Coroutine"/>. Inside a coroutine, the awaiting task runs it inline, as the next frame of its
/// await chain; from plain <c>async Task</c> code it runs in a task of its own.
/// </summary>
public readonly struct CoroutineAwaiter : ICriticalNotifyCompletion, ICoroutineAwaiter
{
    private readonly Coroutine _coroutine;

    internal CoroutineAwaiter(Coroutine coroutine) => _coroutine = coroutine;

    /// <summary>False until the coroutine has run: awaiting always hands it to the task first.</summary>
    public bool IsCompleted => _coroutine.OwnState == CoroutineState.Completed;

    /// <summary>Throws what the coroutine ended with, if anything.</summary>
    public void GetResult() => CoroutineAwaiting.Finish(_coroutine);

    /// <summary>From plain async code: runs the coroutine in a task and continues when it is done.</summary>
    public void OnCompleted(Action continuation) => CoroutineAwaiting.RunAsTask(_coroutine, continuation);

    /// <inheritdoc cref="OnCompleted"/>
    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
}

/// <summary>Awaits a <see cref="Coroutine{T}"/> for its result (see <see cref="CoroutineAwaiter"/>).</summary>
public readonly struct CoroutineAwaiter<T> : ICriticalNotifyCompletion, ICoroutineAwaiter
{
    private readonly Coroutine<T> _coroutine;

    internal CoroutineAwaiter(Coroutine<T> coroutine) => _coroutine = coroutine;

    /// <summary>False until the coroutine has run: awaiting always hands it to the task first.</summary>
    public bool IsCompleted => _coroutine.OwnState == CoroutineState.Completed;

    /// <summary>The coroutine's result; throws what it ended with.</summary>
    public T GetResult()
    {
        CoroutineAwaiting.Finish(_coroutine);
        return _coroutine.Result;
    }

    /// <summary>From plain async code: runs the coroutine in a task and continues when it is done.</summary>
    public void OnCompleted(Action continuation) => CoroutineAwaiting.RunAsTask(_coroutine, continuation);

    /// <inheritdoc cref="OnCompleted"/>
    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
}

/// <summary>The steps both coroutine awaiters share.</summary>
internal static class CoroutineAwaiting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finish(Coroutine callee)
    {
        // The caller no longer awaits the callee already: the task's trampoline said so when it resumed the caller.
        // Most resumes have nothing thrown in on any loop: then neither the task's loop nor the thread's is looked up.
        if (Loop.AnyPendingThrow)
        {
            ThrowIfPendingThrow(callee);
        }

        callee.ThrowIfFailed();
    }

    private static void ThrowIfPendingThrow(Coroutine callee) =>
        (callee.Driver is Future task ? task.Loop : Loop.Running)?.ThrowIfPendingThrow();

    public static void RunAsTask(Coroutine callee, Action continuation) =>
        Loop.GetRunningLoop().CreateTask(callee).AddDoneCallback(_ => continuation());
}
