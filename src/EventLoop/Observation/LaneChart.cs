using System.Globalization;
using System.Text;

namespace EventLoop;

/// <summary>
/// A text lane chart of a trace: one row per task, one column per loop iteration; <c>#</c> running, <c>.</c>
/// ready, <c>-</c> waiting, blank before creation and after the end, which the row's last words describe.
/// </summary>
/// <example>
/// <code>
///            1
///   1234567890
/// clock ^
/// Task-1 #-..#...
/// Task-2 .#-#       done result='result'
/// </code>
/// </example>
public static class LaneChart
{
    /// <summary>The legend printed under every chart.</summary>
    public const string Legend = "# running  . ready  - waiting  ^ clock jumped  (blank: not created yet / done)";

    /// <summary>Renders every loop of the trace, one chart after the other.</summary>
    public static string Render(IEnumerable<TraceEvent> events)
    {
        var timelines = Timeline.FromEvents(events);
        var text = new StringBuilder();
        foreach (var timeline in timelines)
        {
            if (timelines.Count > 1)
            {
                text.Append("loop ").Append(timeline.Index).Append('\n');
            }

            Render(timeline, text);
        }

        return text.ToString();
    }

    private static void Render(Timeline timeline, StringBuilder text)
    {
        var width = Math.Max(6, timeline.Lanes.Select(l => l.Name.Length).DefaultIfEmpty(0).Max()) + 2;
        var last = timeline.FirstIteration + timeline.IterationCount - 1;
        var digits = Math.Max(1, last.ToString(CultureInfo.InvariantCulture).Length);
        for (var position = digits - 1; position >= 0; position--)
        {
            var row = new StringBuilder((position == 0 ? "it" : "").PadRight(width));
            var unit = (long)Math.Pow(10, position);
            for (var i = 0; i < timeline.IterationCount; i++)
            {
                var iteration = timeline.FirstIteration + i;
                row.Append(position == 0 || iteration % unit == 0 ? (char)('0' + iteration / unit % 10) : ' ');
            }

            text.Append(row.ToString().TrimEnd()).Append('\n');
        }

        var clock = new StringBuilder("clock".PadRight(width));
        var jumps = timeline.ClockJumps.Select(j => j.Iteration).ToHashSet();
        for (var i = 0; i < timeline.IterationCount; i++)
        {
            clock.Append(jumps.Contains(timeline.FirstIteration + i) ? '^' : ' ');
        }

        text.Append(clock.ToString().TrimEnd()).Append('\n');
        foreach (var lane in timeline.Lanes)
        {
            var row = new StringBuilder(lane.Name.PadRight(width));
            foreach (var cell in lane.Cells)
            {
                row.Append(cell switch
                {
                    LaneState.Running => '#',
                    LaneState.Ready => '.',
                    LaneState.Waiting => '-',
                    _ => ' ',
                });
            }

            text.Append(row.ToString().TrimEnd()).Append("  ").Append(lane.Outcome).Append('\n');
        }

        foreach (var (iteration, time) in timeline.ClockJumps)
        {
            text.Append("^ it=").Append(iteration).Append(" t=").Append(TraceValues.Time(time)).Append('\n');
        }

        text.Append(Legend).Append('\n');
    }
}
