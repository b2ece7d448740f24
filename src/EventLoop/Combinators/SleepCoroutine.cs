namespace EventLoop;

/// <summary>
/// What <c>Asyncio.Sleep(seconds)</c> returns for a delay that is not a bare yield, written by hand (see
/// <see cref="YieldCoroutine"/>). It behaves as the async method it replaces: the delay is checked when the coroutine
/// starts; it sets a timer that completes a future, awaits the future, and cancels the timer however it ends.
/// </summary>
internal sealed class SleepCoroutine(double seconds) : Coroutine
{
    // The timer's state is the future the sleep awaits (as CPython's call_later(delay, _set_result_unless_cancelled,
    // future)): the sleep keeps no reference of its own to it.
    private TimerHandle? _timer;

    private static readonly StateChangeTexts s_stateChanges = new("Sleep");

    public override string Name => "Sleep";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext()
    {
        if (_timer is null)
        {
            Start();
        }
        else
        {
            Wake((Future<bool>)_timer.State!);
        }
    }

    private void Start()
    {
        try
        {
            Loop.CheckDelay(seconds, nameof(seconds));
            var loop = Loop.GetRunningLoop();
            var future = loop.CreateFuture<bool>();
            _timer = loop.CallAt(loop.Time + seconds, Asyncio.SetResultUnlessCancelled, future);
            MarkSuspended().SuspendOnFuture(this, future);
        }
        catch (Exception exception)
        {
            _timer?.Cancel();
            Complete(exception);
        }
    }

    private void Wake(Future<bool> future)
    {
        // What the future awaiter's GetResult does: a cancellation thrown in, or the future's own, ends the sleep.
        Exception? error = null;
        try
        {
            future.Loop.ThrowIfPendingThrow();
            future.ThrowIfNotSuccessful();
        }
        catch (Exception exception)
        {
            error = exception;
        }

        _timer!.Cancel();
        Complete(error);
    }
}
