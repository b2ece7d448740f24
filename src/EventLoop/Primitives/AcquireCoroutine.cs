using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// What <see cref="AsyncLock.Acquire"/> and <see cref="AsyncSemaphore.Acquire"/> return, written by hand rather than
/// as an async method (see <see cref="YieldCoroutine"/>): a task passing a lock or semaphore builds one per acquire,
/// and this way it is one small object with no state machine. It behaves as the async methods it replaces: lazy,
/// named Acquire, the same states and trace; it takes the lock or a permit when it starts if it can, otherwise waits
/// once.
/// </summary>
/// <remarks>
/// CPython's acquire queues a waiter future and awaits it. Here the acquire itself is the waiter in the primitive's
/// queue and what its task waits on, until somebody asks for the future (<see cref="LoopTask.WaitingOn"/>, a
/// cancellation, a trace, an inspection): it is then made in the state it would be in by then, and from then on the
/// acquire goes through it. Most waits end with the primitive waking the waiter unasked, and a waiting task holds one
/// object less.
/// </remarks>
internal sealed class AcquireCoroutine(IAcquirable primitive) : Coroutine<Releaser>, IFutureStandIn
{
    private static readonly StateChangeTexts s_stateChanges = new("Acquire");

    // What _waiter holds once the primitive woke a waiter that has no future: the future would have its result.
    private static readonly object s_woken = new();

    private readonly IAcquirable _primitive = primitive;

    // Null until the acquire waits; then the task that waits on the acquire itself, or s_woken once the primitive
    // woke it, until a future stands for it (see Future).
    private object? _waiter;

    public override string Name => "Acquire";

    /// <summary>True once the waiter is done: woken, or (only a future can be) cancelled.</summary>
    /// <remarks>A primitive asks for every waiter it passes on its way to the first one not done: most are woken.</remarks>
    internal bool WaiterDone => _waiter == s_woken || (_waiter is Future<bool> future && future.Done);

    /// <summary>
    /// True once the waiter was cancelled. Only a future can be: a task cancels what it waits on through
    /// <see cref="LoopTask.WaitingOn"/>, which makes it.
    /// </summary>
    internal bool WaiterCancelled => _waiter is Future<bool> { Cancelled: true };

    /// <inheritdoc />
    public Future<bool> Future
    {
        get
        {
            if (_waiter is Future<bool> made)
            {
                return made;
            }

            var future = Unsafe.As<LoopTask>(Driver!).MakeStandInFuture(this, _primitive, woken: _waiter == s_woken);
            _waiter = future;
            return future;
        }
    }

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    /// <summary>Wakes the waiter, which is not done yet: what <c>SetResult(true)</c> on its future does.</summary>
    internal void WakeWaiter()
    {
        if (_waiter is Future<bool> future)
        {
            future.SetResult(true);
            return;
        }

        var task = Unsafe.As<LoopTask>(_waiter)!;
        _waiter = s_woken;
        task.Loop.ScheduleWakeup(LoopTask.WakeupCallback, task);
    }

    private protected override void MoveNext(LoopTask task)
    {
        Exception? error = null;
        try
        {
            if (_waiter is null)
            {
                // The task that runs the acquire is on its loop, which is running.
                if (!_primitive.TakeOrQueue(this, task.Loop))
                {
                    // The task waits on the acquire now.
                    _waiter = task;
                    MarkSuspended(task);
                    task.SuspendOnStandIn(this);
                    return;
                }
            }
            else
            {
                error = task.Loop.OutcomeOfWait(_waiter as Future<bool>);
                _primitive.FinishWait(this, error);
            }
        }
        catch (Exception exception)
        {
            Complete(exception, task);
            return;
        }

        // As an async method's builder does: the outcome is set outside the body's try.
        if (error is null)
        {
            SetResult(new Releaser(_primitive), task);
        }
        else
        {
            Complete(error, task);
        }
    }
}
