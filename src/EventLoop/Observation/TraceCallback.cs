namespace EventLoop;

/// <summary>An instrument that hands each event to a user callback.</summary>
public sealed class TraceCallback : ILoopInstrument
{
    private readonly Action<TraceEvent> _callback;

    /// <summary>Calls <paramref name="callback"/> with every event.</summary>
    public TraceCallback(Action<TraceEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _callback = callback;
    }

    /// <inheritdoc />
    public void OnEvent(in TraceEvent traceEvent) => _callback(traceEvent);
}
