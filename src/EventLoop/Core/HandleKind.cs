namespace EventLoop;

/// <summary>What a scheduled callback does, as the trace reports it (vloop's <c>step</c>, <c>wakeup</c>, ...).</summary>
public enum HandleKind
{
    /// <summary>A task's step: its first step, or its resumption after a bare yield.</summary>
    Step,

    /// <summary>A task's wake-up: a future it awaited is done, and the task resumes inside this callback.</summary>
    Wakeup,

    /// <summary>Any other callback scheduled with <c>CallSoon</c> (done callbacks, combinator internals, ...).</summary>
    Callback,

    /// <summary>A timer callback scheduled with <c>CallLater</c> or <c>CallAt</c>.</summary>
    Timer,
}
