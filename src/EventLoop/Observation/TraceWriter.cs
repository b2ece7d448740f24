namespace EventLoop;

/// <summary>An instrument that writes each event as one line of the stable text format, as it happens.</summary>
public sealed class TraceWriter : ILoopInstrument
{
    private readonly TextWriter _writer;

    /// <summary>Writes to <paramref name="writer"/> (e.g. <see cref="Console.Error"/>).</summary>
    public TraceWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <inheritdoc />
    public void OnEvent(in TraceEvent traceEvent)
    {
        _writer.Write(TraceText.FormatEvent(traceEvent));
        _writer.Write('\n');
    }
}
