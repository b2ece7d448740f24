namespace EventLoop;

public static partial class Asyncio
{
    /// <summary>
    /// A deadline <paramref name="delay"/> seconds from now for a block (<c>asyncio.timeout</c>); null means none.
    /// Use it as <c>await Asyncio.Timeout(2).Run(async () =&gt; { ... })</c>; see <see cref="TimeoutScope"/>.
    /// </summary>
    public static TimeoutScope Timeout(double? delay)
    {
        var loop = Loop.GetRunningLoop();
        return new TimeoutScope(delay is { } seconds ? loop.Time + seconds : null);
    }

    /// <summary>A deadline at loop time <paramref name="when"/> for a block (<c>asyncio.timeout_at</c>); null means none.</summary>
    public static TimeoutScope TimeoutAt(double? when) => new(when);
}
