namespace EventLoop;

/// <summary>
/// Drives a loop by hand, from outside: one callback, one iteration, until nothing is ready, or up to a point in
/// virtual time, so a test or a learner can stop between any two steps and inspect tasks
/// (<see cref="TaskInspection"/>). The loop is not running between calls; it must not be running when they are made.
/// </summary>
/// <remarks>
/// An iteration begun with <see cref="RunCallback"/> stays open until its last callback ran: it runs exactly the
/// callbacks that were ready when it began, as CPython's <c>_run_once</c>. Finish it (<see cref="RunIteration"/>)
/// before handing the loop back to <c>RunForever</c>/<c>RunUntilComplete</c>, which would run the rest in a new
/// iteration.
/// </remarks>
/// <example>
/// <code>
/// var loop = new Loop();
/// var task = loop.CreateTask(Main());
/// var stepper = new LoopStepper(loop);
/// stepper.RunIteration();               // main's first step
/// Console.Write(loop.DumpTasks());      // who waits on what
/// stepper.AdvanceBy(1.0);               // everything due within the next second
/// </code>
/// </example>
public sealed class LoopStepper
{
    /// <summary>A stepper for <paramref name="loop"/>.</summary>
    public LoopStepper(Loop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        Loop = loop;
    }

    /// <summary>The loop this stepper drives.</summary>
    public Loop Loop { get; }

    /// <summary>True while an iteration begun by <see cref="RunCallback"/> still has callbacks to run.</summary>
    public bool InIteration => Loop.SteppedRemaining > 0;

    /// <summary>How many callbacks the open iteration still has to run.</summary>
    public int RemainingInIteration => Loop.SteppedRemaining;

    /// <summary>True when no callback is ready and no iteration is open (timers may still be pending).</summary>
    public bool IsIdle => !InIteration && Loop.NothingReady;

    /// <summary>
    /// Runs exactly one callback; when no iteration is open, begins one first (moving due timers to the ready
    /// queue, or jumping the clock to the next timer when nothing is ready). False when there was nothing to do:
    /// nothing ready and no timer.
    /// </summary>
    public bool RunCallback() => Loop.SteppedRunCallback();

    /// <summary>Finishes the open iteration, or runs one whole iteration. False when there was nothing to do.</summary>
    public bool RunIteration() => Loop.SteppedRunIteration();

    /// <summary>
    /// Runs iterations while callbacks are ready, without moving the clock to a future timer; returns how many
    /// iterations ran. A task that yields forever keeps the loop busy forever.
    /// </summary>
    public int RunUntilIdle()
    {
        var iterations = 0;
        if (InIteration)
        {
            Loop.SteppedRunIteration();
            iterations++;
        }

        while (!Loop.NothingReady || Loop.NextTimerDeadline() <= Loop.Time)
        {
            Loop.SteppedRunIteration();
            iterations++;
        }

        return iterations;
    }

    /// <summary>Runs everything due in the next <paramref name="seconds"/> of virtual time, then sets the clock there.</summary>
    public void AdvanceBy(double seconds)
    {
        Loop.CheckDelay(seconds, nameof(seconds));
        if (seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The clock only moves forward.");
        }

        AdvanceTo(Loop.Time + seconds);
    }

    /// <summary>
    /// Runs every iteration that happens up to virtual time <paramref name="time"/> (timers due at exactly that time
    /// fire), then sets the clock to it. Only on the virtual clock.
    /// </summary>
    public void AdvanceTo(double time)
    {
        if (Loop.Clock != LoopClock.Virtual)
        {
            throw new InvalidOperationException("Only a loop on the virtual clock can be advanced by hand.");
        }

        if (double.IsNaN(time) || time < Loop.Time)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"The clock only moves forward; it is at {Loop.Time}.");
        }

        if (InIteration)
        {
            Loop.SteppedRunIteration();
        }

        while (!Loop.NothingReady || Loop.NextTimerDeadline() <= time)
        {
            Loop.SteppedRunIteration();
        }

        Loop.SteppedSetClock(time);
    }
}
