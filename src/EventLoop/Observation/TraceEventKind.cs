namespace EventLoop;

/// <summary>What a <see cref="TraceEvent"/> reports. The text format prints each kind with a fixed short name.</summary>
public enum TraceEventKind
{
    /// <summary>An instrument was attached to the loop: the trace of this loop starts here.</summary>
    TraceStarted,

    /// <summary>An iteration (<c>_run_once</c>) begins: due timers were moved to the ready queue.</summary>
    IterationStarted,

    /// <summary>An iteration ran every callback that was ready when it began.</summary>
    IterationEnded,

    /// <summary>The virtual clock jumped to the next timer's deadline because nothing was ready.</summary>
    ClockAdvanced,

    /// <summary>A task was created; its first step is scheduled.</summary>
    TaskCreated,

    /// <summary>A callback was put on the ready queue (<c>call_soon</c>): a task's step or wake-up, or a plain callback.</summary>
    CallbackScheduled,

    /// <summary>A timer was scheduled (<c>call_at</c>/<c>call_later</c>, e.g. by a sleep).</summary>
    TimerScheduled,

    /// <summary>A timer still waiting in the timer heap was cancelled.</summary>
    TimerCancelled,

    /// <summary>The loop runs a task's step or wake-up (vloop's <c>step</c> and <c>wakeup</c>).</summary>
    StepStarted,

    /// <summary>The loop runs a timer's callback.</summary>
    TimerFired,

    /// <summary>The loop runs a plain callback (done callbacks, combinator internals).</summary>
    CallbackRun,

    /// <summary>A task's step ended with its coroutine suspended; <see cref="TraceEvent.Wait"/> says on what.</summary>
    TaskSuspended,

    /// <summary>A task's coroutine returned: the task is done with a result.</summary>
    TaskCompleted,

    /// <summary>A task's coroutine raised: the task is done with an exception.</summary>
    TaskFailed,

    /// <summary>A task ended cancelled.</summary>
    TaskCancelled,

    /// <summary><c>Cancel()</c> was called on a pending task.</summary>
    CancelRequested,

    /// <summary>A task's step throws the cancellation into its coroutine at the await where it stopped.</summary>
    CancelDelivered,

    /// <summary>A coroutine changed state (Created, Running, Suspended, Completed).</summary>
    CoroutineStateChanged,

    /// <summary>An error was passed to the loop's exception handler.</summary>
    ExceptionHandled,
}
