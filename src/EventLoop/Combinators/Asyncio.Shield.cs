namespace EventLoop;

public static partial class Asyncio
{
    /// <summary>
    /// Protects the task from the cancellation of its awaiter (<c>asyncio.shield</c>): returns a future that follows
    /// the task. Cancelling that future (e.g. because the awaiting task is cancelled) leaves the task running; the
    /// awaiter gets <see cref="CancelledError"/>. When the task itself is cancelled, the future is cancelled too.
    /// </summary>
    /// <remarks>
    /// CPython returns the task itself when it is already done; here that case gives a done future with the same
    /// outcome (a typed task is not a <see cref="Future{T}"/>), which an await also takes without suspending. A
    /// cancelled task's own CancelledError (handed out once) is taken when the shield is made, not when it is awaited.
    /// </remarks>
    public static Future<T> Shield<T>(LoopTask<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ShieldCore(task, task);
    }

    /// <summary>Shields a future (<c>asyncio.shield</c>); one already done is returned as it is.</summary>
    public static Future<T> Shield<T>(Future<T> future)
    {
        ArgumentNullException.ThrowIfNull(future);
        return future.Done ? future : ShieldCore(future, future);
    }

    /// <summary>Wraps the coroutine in a task and shields it (<c>asyncio.shield(coro)</c>).</summary>
    public static Future<T> Shield<T>(Coroutine<T> coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        var task = CreateTask(coroutine);
        return ShieldCore(task, task);
    }

    /// <summary>Shields a future or task without a typed result (<c>asyncio.shield</c>); one already done is returned as it is.</summary>
    public static Future Shield(Future future)
    {
        ArgumentNullException.ThrowIfNull(future);
        return future.Done ? future : ShieldCore<object?>(future, null);
    }

    /// <summary>Wraps the coroutine in a task and shields it (<c>asyncio.shield(coro)</c>).</summary>
    public static Future Shield(Coroutine coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        return ShieldCore<object?>(CreateTask(coroutine), null);
    }

    private static Future<T> ShieldCore<T>(Future inner, IFuture<T>? typed)
    {
        var outer = inner.Loop.CreateFuture<T>();
        if (inner.Done)
        {
            if (inner.Cancelled)
            {
                // CPython returns the task itself, whose own cancellation (with its message) is handed out once.
                outer.Cancel(inner.MakeCancelledError().Message);
            }
            else
            {
                CopyOutcome(inner, typed, outer);
            }

            return outer;
        }

        void OnInnerDone(Future done)
        {
            if (outer.Cancelled)
            {
                if (!done.Cancelled)
                {
                    // Nobody will await the inner for the shield: mark its exception retrieved.
                    done.Exception();
                }

                return;
            }

            CopyOutcome(done, typed, outer);
        }

        Action<Future> onInnerDone = OnInnerDone;
        inner.AddDoneCallback(onInnerDone);
        outer.AddDoneCallback(_ =>
        {
            if (!inner.Done)
            {
                inner.RemoveDoneCallback(onInnerDone);
            }
        });
        return outer;
    }

    private static void CopyOutcome<T>(Future inner, IFuture<T>? typed, Future<T> outer)
    {
        if (inner.Cancelled)
        {
            outer.Cancel();
        }
        else if (inner.Exception() is { } exception)
        {
            outer.SetException(exception);
        }
        else
        {
            outer.SetResult(typed is null ? (T)inner.Result()! : typed.Result());
        }
    }
}
