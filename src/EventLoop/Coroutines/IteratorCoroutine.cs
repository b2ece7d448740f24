using System.Collections;
using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// A C# iterator driven as a generator-based coroutine. What it yields decides what happens next: null is a bare
/// yield, a future or task is waited for, a coroutine or iterator is run inline (Python's <c>yield from</c>), and
/// <see cref="CoroutineReturn"/> finishes it with a value.
/// </summary>
/// <remarks>
/// A C# iterator cannot catch an exception thrown in at its <c>yield return</c>: when what it waits for fails, or
/// its task is cancelled, the iterator is disposed (its <c>finally</c> blocks run) and the exception goes on to
/// its caller.
/// </remarks>
internal sealed class IteratorCoroutine<T> : Coroutine<T>
{
    private readonly IEnumerator _iterator;
    private Coroutine? _awaitedCoroutine;
    private Future? _awaitedFuture;

    public IteratorCoroutine(IEnumerator iterator) => _iterator = iterator;

    // The texts of the state changes of each iterator type (which names the coroutine), made once: describing a
    // change is then a lookup, as for every other coroutine.
    private static readonly ConditionalWeakTable<Type, StateChangeTexts> s_stateChanges = new();

    public override string Name => NameOf(_iterator.GetType());

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) =>
        s_stateChanges.GetValue(_iterator.GetType(), type => new StateChangeTexts(NameOf(type))).Get(from, to);

    private protected override void MoveNext(LoopTask task)
    {
        if (TakeResumeError(task) is { } resumeError)
        {
            Finish(resumeError, task);
            return;
        }

        while (true)
        {
            object? yielded;
            try
            {
                if (!_iterator.MoveNext())
                {
                    Finish(null, task);
                    return;
                }

                yielded = _iterator.Current;
            }
            catch (Exception exception)
            {
                Finish(exception, task);
                return;
            }

            if (!Await(yielded, task, out var error))
            {
                return;
            }

            if (error is not null)
            {
                Finish(error, task);
                return;
            }
        }
    }

    /// <summary>Handles one yielded value; false when the coroutine suspended or finished, else what it raised.</summary>
    private bool Await(object? yielded, LoopTask task, out Exception? error)
    {
        error = null;
        switch (yielded)
        {
            case null:
                MarkYielded();
                return false;
            case CoroutineReturn returned:
                FinishWith((T)returned.Value!, task);
                return false;
            case Coroutine coroutine:
                return AwaitCoroutine(coroutine, out error);
            case IEnumerable iterable:
                return AwaitCoroutine(FromIterator(iterable), out error);
            case IEnumerator iterator:
                return AwaitCoroutine(new IteratorCoroutine<object?>(iterator), out error);
            case Future future when future.Done:
                error = FailureOf(future);
                return true;
            case Future future:
                _awaitedFuture = future;
                MarkSuspended(task).SuspendOnFuture(this, future);
                return false;
            default:
                error = new InvalidOperationException(
                    $"iterator coroutine '{Name}' yielded {yielded.GetType().Name}: yield null (a bare yield), a Future or task, "
                    + "a Coroutine, an iterator, or Coroutine.Return(value).");
                return true;
        }
    }

    private bool AwaitCoroutine(Coroutine coroutine, out Exception? error)
    {
        error = null;
        if (!coroutine.IsUnclaimed)
        {
            error = new InvalidOperationException(
                $"iterator coroutine '{Name}' yielded coroutine '{coroutine.Name}', which was already awaited or belongs to a task; "
                + "a coroutine can be awaited once.");
            return true;
        }

        _awaitedCoroutine = coroutine;
        AwaitCallee(coroutine);
        return false;
    }

    private Exception? TakeResumeError(LoopTask task)
    {
        if (task.Loop.PendingThrow is { } pending)
        {
            task.Loop.PendingThrow = null;
            return pending;
        }

        if (_awaitedCoroutine is { } coroutine)
        {
            _awaitedCoroutine = null;
            ChildFinished();
            return coroutine.Error;
        }

        if (_awaitedFuture is { } future)
        {
            _awaitedFuture = null;
            return FailureOf(future);
        }

        return null;
    }

    private static Exception? FailureOf(Future future)
    {
        try
        {
            future.ThrowIfNotSuccessful();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private void Finish(Exception? error, LoopTask task)
    {
        if (error is null)
        {
            FinishWith(default!, task);
            return;
        }

        (_iterator as IDisposable)?.Dispose();
        Complete(error, task);
    }

    private void FinishWith(T value, LoopTask task)
    {
        (_iterator as IDisposable)?.Dispose();
        SetResult(value, task);
    }
}
