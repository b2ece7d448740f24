namespace EventLoop.Tests.Observation;

/// <summary>The pieces of the stable text format and of the renderings that must not vary.</summary>
public sealed class TraceFormatTests
{
    [Fact]
    public void A_line_has_fixed_columns_and_three_decimals()
    {
        var recorder = new TraceRecorder();
        using (TraceCapture.Start(recorder))
        {
            Asyncio.Run(Scenario());
        }

        var line = recorder.Events.Single(e => e.Kind == TraceEventKind.TaskSuspended && e.TaskName == "a somewhat long name");
        Assert.Equal("  16 it=2   t=0.000 a somewhat long name suspend        sleep until t=0.125", line.ToString());
        var done = recorder.Events.Single(e => e.Kind == TraceEventKind.TaskCompleted && e.TaskName == "Task-1");
        Assert.Equal("result=[1.5, 'x', ValueError: bad, null]", done.Detail);
        Assert.All(recorder.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Matches(@"^ {0,3}\d+ it=\d+ +t=\d+\.\d{3} ", l));
    }

    [Fact]
    public void Mermaid_escapes_what_would_end_a_statement()
    {
        var recorder = new TraceRecorder();
        using (TraceCapture.Start(recorder))
        {
            Asyncio.Run(Named());
        }

        var mermaid = MermaidSequence.Render(recorder.Events);
        Assert.Contains("participant T2 as a#59;b#35;c", mermaid);
        Assert.DoesNotContain("a;b", mermaid);
    }

    [Fact]
    public void Captures_must_be_closed_innermost_first()
    {
        var outer = TraceCapture.Start(new TraceRecorder());
        var inner = TraceCapture.Start(new TraceRecorder());
        Assert.Throws<InvalidOperationException>(outer.Dispose);
        inner.Dispose();
        outer.Dispose();
        using var loop = new Loop();
        Assert.Empty(loop.Instruments);
    }

    private static async Coroutine<object?[]> Scenario()
    {
        await Asyncio.CreateTask(Asyncio.Sleep(0.125), "a somewhat long name");
        return [1.5, "x", new ValueError("bad"), null];
    }

    private static async Coroutine Named() => await Asyncio.CreateTask(Asyncio.Sleep(0), "a;b#c");

    private sealed class ValueError(string message) : Exception(message);
}
