using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>A <see cref="LoopTask"/> whose coroutine returns a <typeparamref name="T"/>.</summary>
public sealed class LoopTask<T> : LoopTask, IFuture<T>
{
    internal LoopTask(Loop loop, Coroutine<T> coroutine, string? name)
        : base(loop, coroutine, name)
    {
    }

    /// <summary>The coroutine the task runs (<c>get_coro()</c>).</summary>
    public new Coroutine<T> Coroutine => (Coroutine<T>)base.Coroutine;

    /// <summary>
    /// The task's result (<c>result()</c>). Throws the coroutine's exception, <see cref="CancelledError"/> when the
    /// task was cancelled, or <see cref="InvalidStateError"/> while it is pending.
    /// </summary>
    public new T Result()
    {
        ThrowIfNotSuccessful();
        return Coroutine.Result;
    }

    /// <summary>Lets coroutines (and plain <c>async</c> code) <c>await</c> the task for its result.</summary>
    public new LoopTaskAwaiter<T> GetAwaiter() => new(this);

    /// <summary>
    /// True when the result, once there, can never read differently (a number, an enum, a string), so a trace may
    /// format it when the text is asked for instead of at completion.
    /// </summary>
    internal override bool HasImmutableResult =>
        typeof(T).IsPrimitive || typeof(T).IsEnum || typeof(T) == typeof(string) || typeof(T) == typeof(decimal);

    private protected override object? ResultObject => Coroutine.Result;
}

/// <summary>Awaits a <see cref="LoopTask{T}"/> for its result.</summary>
public readonly struct LoopTaskAwaiter<T> : ICriticalNotifyCompletion, IFutureAwaiter
{
    private readonly LoopTask<T> _task;

    internal LoopTaskAwaiter(LoopTask<T> task) => _task = task;

    /// <summary>A done task does not suspend the awaiting coroutine.</summary>
    public bool IsCompleted => _task.Done;


    /// <summary>The task's result; throws its exception or cancellation.</summary>
    public T GetResult()
    {
        _task.Loop.ThrowIfPendingThrow();
        return _task.Result();
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => _task.AddDoneCallback(_ => continuation());

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
}
