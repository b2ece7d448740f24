using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>A lazy coroutine with a result of type <typeparamref name="T"/>: what an <c>async Coroutine&lt;T&gt;</c> method returns.</summary>
[AsyncMethodBuilder(typeof(CoroutineMethodBuilder<>))]
public abstract class Coroutine<T> : Coroutine
{
    private T _result = default!;

    private protected Coroutine()
    {
    }

    /// <summary>
    /// The value the coroutine returned, once it is Completed (useful after an iterator coroutine delegated to it
    /// with <c>yield return</c>). Throws the exception it ended with, or while it has not completed.
    /// </summary>
    public T Result
    {
        get
        {
            if (OwnState != CoroutineState.Completed)
            {
                ThrowNoResultYet();
            }

            ThrowIfFailed();
            return _result;
        }
    }

    // Apart from Result so that the getter, which every awaiter of a Coroutine<T> calls, inlines.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowNoResultYet() => throw new InvalidOperationException(
        $"coroutine '{Name}' has no result yet: it is {State.ToString().ToLowerInvariant()}; await it first.");

    /// <summary>Lets another coroutine <c>await</c> this one for its result: it runs inline, in the awaiting task.</summary>
    public new CoroutineAwaiter<T> GetAwaiter()
    {
        CheckAwaitable();
        return new CoroutineAwaiter<T>(this);
    }

    internal override LoopTask CreateTask(Loop loop, string? name) => new LoopTask<T>(loop, this, name);

    private protected void SetResult(T value)
    {
        _result = value;
        Complete(null);
    }

    /// <summary>As <see cref="SetResult(T)"/>, for a frame that knows the task that drives it.</summary>
    private protected void SetResult(T value, LoopTask task)
    {
        _result = value;
        Complete(null, task);
    }
}
