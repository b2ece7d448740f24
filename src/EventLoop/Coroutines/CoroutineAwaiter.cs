using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>Implemented by awaiters of a coroutine: a suspended callee has already told the task what it waits for.</summary>
internal interface ICoroutineAwaiter
{
}

/// <summary>Awaits a <see cref="Coroutine"/>: the first check starts it inline in the awaiting task.</summary>
public readonly struct CoroutineAwaiter : ICriticalNotifyCompletion, ICoroutineAwaiter
{
    private readonly Coroutine _coroutine;

    internal CoroutineAwaiter(Coroutine coroutine) => _coroutine = coroutine;

    /// <summary>Starts the coroutine inline; true when it completed without suspending.</summary>
    public bool IsCompleted => CoroutineAwaiting.StartAndCheck(_coroutine);

    /// <summary>Throws what the coroutine ended with, if anything.</summary>
    public void GetResult() => CoroutineAwaiting.Finish(_coroutine);

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => throw CoroutineAwaiting.ForeignAwait(_coroutine);

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => throw CoroutineAwaiting.ForeignAwait(_coroutine);
}

/// <summary>Awaits a <see cref="Coroutine{T}"/> for its result: the first check starts it inline in the awaiting task.</summary>
public readonly struct CoroutineAwaiter<T> : ICriticalNotifyCompletion, ICoroutineAwaiter
{
    private readonly Coroutine<T> _coroutine;

    internal CoroutineAwaiter(Coroutine<T> coroutine) => _coroutine = coroutine;

    /// <summary>Starts the coroutine inline; true when it completed without suspending.</summary>
    public bool IsCompleted => CoroutineAwaiting.StartAndCheck(_coroutine);

    /// <summary>The coroutine's result; throws what it ended with.</summary>
    public T GetResult()
    {
        CoroutineAwaiting.Finish(_coroutine);
        return _coroutine.Result;
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => throw CoroutineAwaiting.ForeignAwait(_coroutine);

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => throw CoroutineAwaiting.ForeignAwait(_coroutine);
}

/// <summary>The steps both coroutine awaiters share.</summary>
internal static class CoroutineAwaiting
{
    public static bool StartAndCheck(Coroutine callee)
    {
        if (callee.State == CoroutineState.Created)
        {
            callee.StartInline(Coroutine.Current!);
        }

        return callee.State == CoroutineState.Completed;
    }

    public static void Finish(Coroutine callee)
    {
        callee.Caller?.ChildFinished();
        Loop.Running?.ThrowIfPendingThrow();
        callee.ThrowIfFailed();
    }

    public static InvalidOperationException ForeignAwait(Coroutine callee) => new(
        $"coroutine '{callee.Name}' was awaited by code that is not a Coroutine (e.g. an async Task method): "
        + "wrap it in a task (loop.CreateTask) and await the task there.");
}
