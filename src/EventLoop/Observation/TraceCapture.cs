namespace EventLoop;

/// <summary>
/// Traces every loop created on this thread while the capture is open, without access to the code that creates
/// them (e.g. <c>Asyncio.Run</c> or a <see cref="Runner"/> inside the code under test). Captures nest: an inner
/// one adds its instrument to the outer ones.
/// </summary>
/// <example>
/// A snapshot test of a trace in one line (ApprovalTests):
/// <code>Approvals.Verify(TraceCapture.Run(() =&gt; Asyncio.Run(Main())));</code>
/// </example>
public sealed class TraceCapture : IDisposable
{
    [ThreadStatic] private static TraceCapture? t_current;

    private readonly ILoopInstrument _instrument;
    private readonly TraceCapture? _outer;
    private readonly List<Loop> _loops = [];
    private bool _disposed;

    private TraceCapture(ILoopInstrument instrument)
    {
        _instrument = instrument;
        _outer = t_current;
        t_current = this;
    }

    /// <summary>Attaches <paramref name="instrument"/> to every loop created on this thread until the capture is disposed.</summary>
    public static TraceCapture Start(ILoopInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new TraceCapture(instrument);
    }

    /// <summary>Runs <paramref name="action"/> and returns the trace of every loop it created, in the text format.</summary>
    public static string Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var recorder = new TraceRecorder();
        using (Start(recorder))
        {
            action();
        }

        return recorder.ToText();
    }

    /// <summary>Stops attaching, and detaches the instrument from the loops it was attached to.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (t_current != this)
        {
            throw new InvalidOperationException("Trace captures must be disposed in the reverse order they were started, on their thread.");
        }

        _disposed = true;
        t_current = _outer;
        foreach (var loop in _loops)
        {
            loop.RemoveInstrument(_instrument);
        }
    }

    internal static void AttachTo(Loop loop)
    {
        for (var capture = t_current; capture is not null; capture = capture._outer)
        {
            capture._loops.Add(loop);
            loop.AddInstrument(capture._instrument);
        }
    }
}
