using System.Text;
using System.Text.Json;

namespace EventLoop;

/// <summary>
/// A trace in Chrome's trace event format (JSON), to open in Perfetto (ui.perfetto.dev) or <c>chrome://tracing</c>:
/// a process per loop, a thread per task, a slice per step and per stretch of waiting or being ready. The time
/// axis counts loop iterations (1 ms each), since on the virtual clock many steps share one instant; each slice
/// carries the virtual time in its arguments, and the clock's jumps are instant events.
/// </summary>
public static class ChromeTrace
{
    private const int MicrosecondsPerIteration = 1000;

    /// <summary>Renders every loop of the trace into one JSON document.</summary>
    public static string Render(IEnumerable<TraceEvent> events)
    {
        var timelines = Timeline.FromEvents(events);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartArray("traceEvents");
            foreach (var timeline in timelines)
            {
                WriteLoop(json, timeline);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteLoop(Utf8JsonWriter json, Timeline timeline)
    {
        var pid = timeline.Index;
        Metadata(json, pid, 0, "process_name", $"loop {timeline.Index}");
        Metadata(json, pid, 0, "thread_name", "loop (clock)");
        for (var i = 0; i < timeline.Lanes.Count; i++)
        {
            var lane = timeline.Lanes[i];
            Metadata(json, pid, i + 1, "thread_name", lane.Name);
            json.WriteStartObject();
            json.WriteString("ph", "M");
            json.WriteString("name", "thread_sort_index");
            json.WriteNumber("pid", pid);
            json.WriteNumber("tid", i + 1);
            json.WriteStartObject("args");
            json.WriteNumber("sort_index", i + 1);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var (iteration, time) in timeline.ClockJumps)
        {
            json.WriteStartObject();
            json.WriteString("ph", "i");
            json.WriteString("s", "p");
            json.WriteString("name", "clock -> t=" + TraceValues.Time(time));
            json.WriteString("cat", "clock");
            json.WriteNumber("pid", pid);
            json.WriteNumber("tid", 0);
            json.WriteNumber("ts", (iteration - timeline.FirstIteration) * MicrosecondsPerIteration);
            json.WriteEndObject();
        }

        for (var i = 0; i < timeline.Lanes.Count; i++)
        {
            var lane = timeline.Lanes[i];
            if (lane.EndIndex is { } end)
            {
                json.WriteStartObject();
                json.WriteString("ph", "i");
                json.WriteString("s", "t");
                json.WriteString("name", lane.Outcome);
                json.WriteString("cat", "end");
                json.WriteNumber("pid", pid);
                json.WriteNumber("tid", i + 1);
                json.WriteNumber("ts", (end + 1) * MicrosecondsPerIteration);
                json.WriteEndObject();
            }

            foreach (var segment in lane.Segments())
            {
                var state = segment.State.ToString().ToLowerInvariant();
                json.WriteStartObject();
                json.WriteString("ph", "X");
                json.WriteString("name", segment.State == LaneState.Running ? segment.Note : segment.Note.Length > 0 ? $"{state}: {segment.Note}" : state);
                json.WriteString("cat", state);
                json.WriteNumber("pid", pid);
                json.WriteNumber("tid", i + 1);
                json.WriteNumber("ts", segment.Start * MicrosecondsPerIteration);
                json.WriteNumber("dur", segment.Length * MicrosecondsPerIteration);
                json.WriteStartObject("args");
                json.WriteString("task", lane.Name);
                json.WriteNumber("first_iteration", timeline.FirstIteration + segment.Start);
                json.WriteNumber("iterations", segment.Length);
                json.WriteString("virtual_time", TraceValues.Time(timeline.Times[segment.Start]));
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
    }

    private static void Metadata(Utf8JsonWriter json, int pid, int tid, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("ph", "M");
        json.WriteString("name", name);
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
