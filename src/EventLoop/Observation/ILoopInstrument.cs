namespace EventLoop;

/// <summary>
/// Receives every <see cref="TraceEvent"/> of the loops it is attached to (in the spirit of Trio's instruments).
/// Attach with <see cref="Loop.AddInstrument"/>; ready-made ones are <see cref="TraceRecorder"/>,
/// <see cref="TraceWriter"/> and <see cref="TraceCallback"/>.
/// </summary>
/// <remarks>
/// The loop calls the instrument synchronously, on the loop's thread, in the middle of its work: an instrument
/// must not schedule callbacks or touch tasks, only look. An exception it throws propagates out of the loop.
/// </remarks>
public interface ILoopInstrument
{
    /// <summary>Called for each event, in order.</summary>
    void OnEvent(in TraceEvent traceEvent);
}
