namespace EventLoop;

/// <summary>An instrument that keeps every event in memory, for tests, renderings and inspection afterwards.</summary>
public sealed class TraceRecorder : ILoopInstrument
{
    private readonly TraceEventLog _events = new();

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Where the events go: a loop whose only instrument is this recorder adds to it directly.</summary>
    internal TraceEventLog Log => _events;

    /// <inheritdoc />
    public void OnEvent(in TraceEvent traceEvent) => _events.Add(in traceEvent);

    /// <summary>Forgets the events recorded so far.</summary>
    public void Clear() => _events.Clear();

    /// <summary>The events in the stable text format (<see cref="TraceText.Format"/>).</summary>
    public string ToText() => TraceText.Format(_events);

    /// <inheritdoc cref="ToText"/>
    public override string ToString() => ToText();
}
