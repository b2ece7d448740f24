namespace EventLoop;

/// <summary>
/// A <see cref="TimeProvider"/> that reads the loop's clock and runs its timers as loop timers, so
/// <c>Task.Delay(d, loop.TimeProvider)</c> and <c>CancellationTokenSource(d, loop.TimeProvider)</c> take virtual
/// time and fire in the loop's deterministic order.
/// </summary>
public sealed class LoopTimeProvider : TimeProvider
{
    internal LoopTimeProvider(Loop loop) => Loop = loop;

    /// <summary>The loop whose clock this is.</summary>
    public Loop Loop { get; }

    /// <summary>Loop time 0 is this instant: the Unix epoch.</summary>
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(ToTicks(Loop.Time));

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => ToTicks(Loop.Time);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LoopTimer(Loop, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private static long ToTicks(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

    private sealed class LoopTimer(Loop loop, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _gate = new();
        private TimerHandle? _handle;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private long _generation;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            long generation;
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                _period = period;
                generation = ++_generation;
            }

            if (loop.IsLoopThread || !loop.IsRunning)
            {
                Schedule(dueTime, generation);
            }
            else
            {
                loop.CallSoonThreadsafe(() => Schedule(dueTime, generation));
            }

            return true;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _generation++;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Schedule(TimeSpan dueTime, long generation)
        {
            _handle?.Cancel();
            _handle = null;
            if (dueTime == Timeout.InfiniteTimeSpan || generation != Volatile.Read(ref _generation))
            {
                return;
            }

            _handle = loop.CallLater(Math.Max(0, dueTime.TotalSeconds), () => Fire(generation));
        }

        private void Fire(long generation)
        {
            TimeSpan period;
            lock (_gate)
            {
                if (generation != _generation)
                {
                    return;
                }

                period = _period;
            }

            callback(state);
            if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
            {
                Schedule(period, generation);
            }
        }
    }
}
