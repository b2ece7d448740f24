using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>Implemented by the bare-yield awaiter, so the running task reschedules itself with <c>CallSoon</c>.</summary>
internal interface IYieldAwaiter
{
}

/// <summary>A bare yield: the awaiting task gives up the loop for one iteration (what <c>Sleep(0)</c> does).</summary>
public readonly struct YieldAwaitable
{
    /// <summary>Lets a coroutine <c>await</c> the yield.</summary>
    public YieldAwaiter GetAwaiter() => default;
}

/// <summary>Awaits a bare yield: always suspends, resumes in the next loop iteration.</summary>
public readonly struct YieldAwaiter : ICriticalNotifyCompletion, IYieldAwaiter
{
    /// <summary>Always false: a yield always suspends.</summary>
    public bool IsCompleted => false;

    /// <summary>Resumes; throws a cancellation the task delivers here.</summary>
    public void GetResult()
    {
        if (Loop.AnyPendingThrow)
        {
            Loop.Running?.ThrowIfPendingThrow();
        }
    }

    /// <summary>From plain async code: resume in the next iteration of the running loop.</summary>
    public void OnCompleted(Action continuation) => Loop.GetRunningLoop().CallSoon(continuation);

    /// <inheritdoc cref="OnCompleted"/>
    public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
}
