using System.Runtime.ExceptionServices;

namespace EventLoop;

/// <summary>
/// A deadline for a block of code (asyncio's <c>Timeout</c>, from <see cref="Asyncio.Timeout"/> or
/// <see cref="Asyncio.TimeoutAt"/>): <c>await Asyncio.Timeout(2).Run(async () =&gt; ...)</c>. At the deadline the
/// task running the block is cancelled; the <see cref="CancelledError"/> that leaves the block is turned into a
/// <see cref="TimeoutException"/>. A cancellation from outside (one more <c>Cancel()</c> than the scope's own) stays a
/// cancellation: the scope tells them apart with <see cref="LoopTask.Cancelling"/> and <see cref="LoopTask.Uncancel"/>.
/// </summary>
/// <remarks>
/// Named <c>TimeoutScope</c> because <see cref="System.Threading.Timeout"/> is imported everywhere. The block is a
/// delegate rather than an <c>await using</c> block: the exit must know whether a <see cref="CancelledError"/> is
/// leaving the block (Python's <c>__aexit__</c> gets the exception; <c>DisposeAsync</c> does not), and the delegate is
/// awaited inline in the same task, so the scope costs no loop iteration, as in CPython.
/// </remarks>
public sealed class TimeoutScope
{
    private State _state;
    private Handle? _timeoutHandle;
    private LoopTask? _task;
    private int _cancelling;

    internal TimeoutScope(double? when) => When = when;

    private enum State
    {
        Created,
        Entered,
        Expiring,
        Expired,
        Exited,
    }

    /// <summary>The deadline in loop time, or null for none (<c>when()</c>).</summary>
    public double? When { get; private set; }

    /// <summary>True once the deadline has passed while the block ran (<c>expired()</c>).</summary>
    public bool Expired => _state is State.Expiring or State.Expired;

    /// <summary>
    /// Moves the deadline to loop time <paramref name="when"/> (null: none) while the block runs (<c>reschedule</c>);
    /// a deadline already past fires in the next iteration.
    /// </summary>
    public void Reschedule(double? when)
    {
        if (_state != State.Entered)
        {
            throw new InvalidOperationException(_state == State.Created
                ? "Timeout has not been entered: call Reschedule from inside the block given to Run."
                : $"Cannot change state of {StateName} Timeout (its block ran in task '{_task!.Name}'): reschedule it only while its block runs.");
        }

        When = when;
        CancelHandle();
        if (when is not { } deadline)
        {
            return;
        }

        var loop = _task!.Loop;
        if (deadline <= loop.Time)
        {
            _timeoutHandle = loop.CallSoon(OnTimeout);
        }
        else
        {
            _timeoutHandle = loop.CallAt(deadline, OnTimeout);
        }
    }

    /// <summary>Runs <paramref name="body"/> inline in the current task under the deadline.</summary>
    /// <exception cref="TimeoutException">The deadline passed and the cancellation it caused left the block.</exception>
    public async Coroutine Run(Func<Coroutine> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Enter();
        Exception? error = null;
        try
        {
            await body();
        }
        catch (Exception exception)
        {
            error = exception;
        }

        Exit(error);
    }

    /// <summary>Runs <paramref name="body"/> inline in the current task under the deadline and returns its result.</summary>
    /// <exception cref="TimeoutException">The deadline passed and the cancellation it caused left the block.</exception>
    public async Coroutine<T> Run<T>(Func<Coroutine<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Enter();
        Exception? error = null;
        T result = default!;
        try
        {
            result = await body();
        }
        catch (Exception exception)
        {
            error = exception;
        }

        Exit(error);
        return result;
    }

    /// <summary>Python's repr: <c>&lt;Timeout [active] when=2.0&gt;</c>.</summary>
    public override string ToString() => _state == State.Entered
        ? $"<Timeout [{StateName}] when={(When is { } when ? FloatRepr(Math.Round(when, 3)) : "None")}>"
        : $"<Timeout [{StateName}]>";

    private static string FloatRepr(double value)
    {
        var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.') && !text.Contains('E') ? text + ".0" : text;
    }

    private string StateName => _state switch
    {
        State.Created => "created",
        State.Entered => "active",
        State.Expiring => "expiring",
        State.Expired => "expired",
        _ => "finished",
    };

    private void Enter()
    {
        if (_state != State.Created)
        {
            throw new InvalidOperationException(
                $"Timeout has already been entered (by task '{_task!.Name}'): create a new one with Asyncio.Timeout for each block.");
        }

        var task = Loop.GetRunningLoop().CurrentTask
            ?? throw new InvalidOperationException("Timeout should be used inside a task: run the block from a coroutine that a task runs.");
        _state = State.Entered;
        _task = task;
        _cancelling = task.Cancelling();
        Reschedule(When);
    }

    /// <summary>
    /// CPython's <c>__aexit__</c>: throws <see cref="TimeoutException"/> in place of the scope's own cancellation,
    /// otherwise rethrows <paramref name="error"/> (if any) unchanged.
    /// </summary>
    private void Exit(Exception? error)
    {
        CancelHandle();
        if (_state == State.Expiring)
        {
            _state = State.Expired;
            if (_task!.Uncancel() <= _cancelling && error is CancelledError)
            {
                throw new TimeoutException(string.Empty, error);
            }
        }
        else if (_state == State.Entered)
        {
            _state = State.Exited;
        }

        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private void CancelHandle()
    {
        _timeoutHandle?.Cancel();
        _timeoutHandle = null;
    }

    private void OnTimeout()
    {
        _task!.Cancel();
        _state = State.Expiring;
        _timeoutHandle = null;
    }
}
