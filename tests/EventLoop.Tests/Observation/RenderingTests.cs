using System.Text.Json;
using System.Xml.Linq;
using Tutorial;

namespace EventLoop.Tests.Observation;

/// <summary>The renderings of a trace are well-formed documents that show every task.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RenderingTests
{
    public static TheoryData<string> Examples => [.. TutorialExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_svg_is_well_formed_and_shows_every_task(string name)
    {
        var (events, tasks) = Trace(name);
        var svg = XDocument.Parse(SvgTimeline.Render(events));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Empty(svg.Descendants(ns + "script"));
        Assert.DoesNotContain("http", string.Concat(svg.Descendants().Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value)));
        var labels = svg.Descendants(ns + "text").Select(t => t.Value).ToHashSet();
        Assert.All(tasks, task => Assert.Contains(task, labels));
        Assert.Contains(svg.Descendants(ns + "rect"), r => (string?)r.Attribute("fill") == "#2e7d32");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_chrome_trace_is_valid_json_with_a_thread_per_task(string name)
    {
        var (events, tasks) = Trace(name);
        using var json = JsonDocument.Parse(ChromeTrace.Render(events));

        var traceEvents = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var threads = traceEvents
            .Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString())
            .ToHashSet();
        Assert.All(tasks, task => Assert.Contains(task, threads));
        var slices = traceEvents.Where(e => e.GetProperty("ph").GetString() == "X").ToList();
        Assert.All(tasks, task => Assert.Contains(slices, s => s.GetProperty("args").GetProperty("task").GetString() == task));
        Assert.All(slices, s => Assert.True(s.GetProperty("dur").GetInt64() > 0));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_lane_chart_and_the_mermaid_diagram_have_every_task(string name)
    {
        var (events, tasks) = Trace(name);
        var chart = LaneChart.Render(events).Split('\n');
        var mermaid = MermaidSequence.Render(events);

        Assert.All(tasks, task => Assert.Contains(chart, line => line.StartsWith(task + " ", StringComparison.Ordinal)));
        Assert.All(tasks, task => Assert.Contains($" as {task}\n", mermaid));
        Assert.StartsWith("```mermaid\nsequenceDiagram\n", mermaid.Contains("Loop 1:") ? mermaid[(mermaid.IndexOf('\n') + 2)..] : mermaid);
    }

    [Fact]
    public void The_lane_chart_of_a_sleeping_task()
    {
        var recorder = new TraceRecorder();
        using (TraceCapture.Start(recorder))
        {
            Asyncio.Run(Main());
        }

        Assert.Equal(
            """
            it      123456
            clock     ^
            Task-1  #---#  done
            Task-2  .#-#  done result=1
            ^ it=3 t=1.000
            # running  . ready  - waiting  ^ clock jumped  (blank: not created yet / done)

            """,
            LaneChart.Render(recorder.Events.TakeWhile(e => e.TaskName != "Task-3")));

        static async Coroutine Main() => await Asyncio.CreateTask(Child());

        static async Coroutine<int> Child()
        {
            await Asyncio.Sleep(1);
            return 1;
        }
    }

    private static (IReadOnlyList<TraceEvent> Events, IReadOnlyList<string> Tasks) Trace(string name)
    {
        var recorder = new TraceRecorder();
        ConsoleCapture.Run(() =>
        {
            using (TraceCapture.Start(recorder))
            {
                TutorialExamples.Find(name)!.Run();
            }
        });
        var tasks = recorder.Events.Where(e => e.Kind == TraceEventKind.TaskCreated).Select(e => e.TaskName).Distinct().ToList();
        Assert.NotEmpty(tasks);
        return (recorder.Events, tasks);
    }
}
