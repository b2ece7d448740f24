using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// Marks the awaiters that wait for a future, so the running task can wait on it directly. Every one is a struct whose
/// only field is the future, which <c>Coroutine.Suspend</c> reads in place (AwaiterLayoutTests checks it).
/// </summary>
internal interface IFutureAwaiter
{
}

/// <summary>Awaits a <see cref="Future"/> without a typed result.</summary>
public readonly struct FutureAwaiter : ICriticalNotifyCompletion, IFutureAwaiter
{
    private readonly Future _future;

    internal FutureAwaiter(Future future) => _future = future;

    /// <summary>A done future does not suspend the awaiting coroutine.</summary>
    public bool IsCompleted => _future.Done;


    /// <summary>Throws the future's exception or cancellation, if any.</summary>
    public void GetResult()
    {
        _future.Loop.ThrowIfPendingThrow();
        _future.ThrowIfNotSuccessful();
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => _future.AddDoneCallback(_ => continuation());

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
}

/// <summary>Awaits a <see cref="Future{T}"/> for its result.</summary>
public readonly struct FutureAwaiter<T> : ICriticalNotifyCompletion, IFutureAwaiter
{
    private readonly Future<T> _future;

    internal FutureAwaiter(Future<T> future) => _future = future;

    /// <summary>A done future does not suspend the awaiting coroutine.</summary>
    public bool IsCompleted => _future.Done;


    /// <summary>The future's result; throws its exception or cancellation.</summary>
    public T GetResult()
    {
        _future.Loop.ThrowIfPendingThrow();
        return _future.Result();
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => _future.AddDoneCallback(_ => continuation());

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
}
