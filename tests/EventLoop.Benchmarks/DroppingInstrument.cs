namespace EventLoop.Benchmarks;

/// <summary>An instrument that looks at nothing: what the loop's emission costs without the cost of keeping the events.</summary>
internal sealed class DroppingInstrument : ILoopInstrument
{
    public void OnEvent(in TraceEvent traceEvent)
    {
    }
}
