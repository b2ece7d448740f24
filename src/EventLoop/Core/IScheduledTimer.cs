namespace EventLoop;

/// <summary>
/// What the loop's timer heap holds: a <see cref="TimerHandle"/>, or an object that is its own timer (a timed
/// sleep, which would otherwise make a handle per call that nobody outside it ever sees).
/// </summary>
internal interface IScheduledTimer
{
    /// <summary>The loop time at which the callback is due.</summary>
    double When { get; }

    /// <summary>Scheduling order: equal deadlines fire in this order.</summary>
    long Sequence { get; }

    /// <summary>True once the timer was cancelled; the loop skips it.</summary>
    bool Cancelled { get; }

    /// <summary>True while the timer is in the loop's heap (CPython's <c>_scheduled</c> flag).</summary>
    bool Scheduled { get; set; }

    /// <summary>What the callback is called with (a sleep's timer: its future), for state inspection.</summary>
    object? State { get; }

    /// <summary>The callback's method name, for traces and errors.</summary>
    string CallbackName { get; }

    /// <summary>Runs the callback.</summary>
    void Fire();

    /// <summary>A handle for the timer, for an exception handler's context (the cold path).</summary>
    Handle ToHandle();
}
