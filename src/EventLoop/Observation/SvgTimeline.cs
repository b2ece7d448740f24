using System.Globalization;
using System.Security;
using System.Text;

namespace EventLoop;

/// <summary>
/// A self-contained SVG picture of a trace: one lane per task over the loop's iterations (running, ready,
/// waiting), the iterations where the virtual clock jumped, and tooltips saying what each task waited on. No
/// scripts, no fonts or styles from the network; the same trace gives the same bytes.
/// </summary>
public static class SvgTimeline
{
    private const int MaxOutcomeLength = 48;

    private const int RowHeight = 24;
    private const int HeaderHeight = 46;
    private const int LoopGap = 18;
    private const int LegendWidth = 640;
    private const string RunningColor = "#2e7d32";
    private const string ReadyColor = "#f9a825";
    private const string WaitingColor = "#90a4ae";
    private const string FailedColor = "#c62828";
    private const string CancelledColor = "#37474f";

    /// <summary>Renders every loop of the trace, stacked vertically, as one SVG document.</summary>
    public static string Render(IEnumerable<TraceEvent> events)
    {
        var timelines = Timeline.FromEvents(events);
        var labelWidth = 16 + (8 * timelines.SelectMany(t => t.Lanes).Select(l => l.Name.Length).DefaultIfEmpty(6).Max());
        var columns = timelines.Select(t => t.IterationCount).DefaultIfEmpty(1).Max();
        var cell = Math.Clamp(960 / Math.Max(1, columns), 6, 28);
        var outcomeWidth = 16 + (7 * timelines.SelectMany(t => t.Lanes).Select(l => Shorten(l.Outcome).Length).DefaultIfEmpty(8).Max());
        var width = Math.Max(labelWidth + (columns * cell) + outcomeWidth, LegendWidth);
        var height = timelines.Sum(t => HeaderHeight + (t.Lanes.Count * RowHeight) + LoopGap) + 56;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"monospace\" font-size=\"12\">\n");
        svg.Append("<title>EventLoop timeline</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        var top = 0;
        foreach (var timeline in timelines)
        {
            RenderLoop(svg, timeline, timelines.Count > 1, top, labelWidth, cell);
            top += HeaderHeight + (timeline.Lanes.Count * RowHeight) + LoopGap;
        }

        RenderLegend(svg, top + 16);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void RenderLoop(StringBuilder svg, Timeline timeline, bool titled, int top, int left, int cell)
    {
        var rows = timeline.Lanes.Count;
        var lanesTop = top + HeaderHeight;
        var right = left + (timeline.IterationCount * cell);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"8\" y=\"{top + 16}\" font-weight=\"bold\">{(titled ? $"loop {timeline.Index}: " : "")}iterations {timeline.FirstIteration}-{timeline.FirstIteration + timeline.IterationCount - 1}</text>\n");
        for (var row = 0; row < rows; row++)
        {
            var y = lanesTop + (row * RowHeight);
            if (row % 2 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y}\" width=\"{right}\" height=\"{RowHeight}\" fill=\"#f3f5f7\"/>\n");
            }
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(32.0 / cell));
        for (var i = 0; i < timeline.IterationCount; i++)
        {
            var iteration = timeline.FirstIteration + i;
            var x = left + (i * cell);
            if (iteration % labelEvery == 0 || i == 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + (cell / 2)}\" y=\"{lanesTop - 6}\" text-anchor=\"middle\" fill=\"#555555\">{iteration}</text>\n");
            }
        }

        foreach (var (iteration, time) in timeline.ClockJumps)
        {
            var x = left + ((iteration - timeline.FirstIteration) * cell);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x}\" y1=\"{top + 22}\" x2=\"{x}\" y2=\"{lanesTop + (rows * RowHeight)}\" stroke=\"#c62828\" stroke-dasharray=\"3,3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + 2}\" y=\"{top + 30}\" fill=\"#c62828\" font-size=\"10\">t={TraceValues.Time(time)}</text>\n");
        }

        for (var row = 0; row < rows; row++)
        {
            var lane = timeline.Lanes[row];
            var y = lanesTop + (row * RowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y + 16}\">{Escape(lane.Name)}</text>\n");
            foreach (var segment in lane.Segments())
            {
                var (color, inset) = segment.State switch
                {
                    LaneState.Running => (RunningColor, 3),
                    LaneState.Ready => (ReadyColor, 7),
                    _ => (WaitingColor, 9),
                };
                var x = left + (segment.Start * cell);
                var first = timeline.FirstIteration + segment.Start;
                var span = segment.Length == 1 ? $"it {first}" : $"it {first}-{first + segment.Length - 1}";
                var tooltip = $"{lane.Name}: {segment.State.ToString().ToLowerInvariant()}, {span}, t={TraceValues.Time(timeline.Times[segment.Start])}"
                    + (segment.Note.Length > 0 ? ": " + segment.Note : "");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x + 1}\" y=\"{y + inset}\" width=\"{(segment.Length * cell) - 2}\" height=\"{RowHeight - (2 * inset)}\" rx=\"2\" fill=\"{color}\"><title>{Escape(tooltip)}</title></rect>\n");
            }

            if (lane.EndIndex is { } end)
            {
                var color = lane.Outcome.StartsWith("failed", StringComparison.Ordinal) ? FailedColor
                    : lane.Outcome.StartsWith("cancelled", StringComparison.Ordinal) ? CancelledColor : RunningColor;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left + ((end + 1) * cell) - 1}\" y=\"{y + 2}\" width=\"3\" height=\"{RowHeight - 4}\" fill=\"{color}\"><title>{Escape($"{lane.Name}: {lane.Outcome}")}</title></rect>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{right + 10}\" y=\"{y + 16}\" fill=\"#333333\">{Escape(Shorten(lane.Outcome))}<title>{Escape(lane.Outcome)}</title></text>\n");
        }
    }

    private static void RenderLegend(StringBuilder svg, int y)
    {
        var x = 8;
        foreach (var (label, color) in new[] { ("running", RunningColor), ("ready", ReadyColor), ("waiting", WaitingColor) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y - 10}\" width=\"14\" height=\"12\" fill=\"{color}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"{y}\">{label}</text>\n");
            x += 100;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{y - 12}\" x2=\"{x}\" y2=\"{y + 2}\" stroke=\"#c62828\" stroke-dasharray=\"3,3\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6}\" y=\"{y}\">clock jumps (columns are loop iterations)</text>\n");
        x = 8;
        y += 22;
        foreach (var (label, color) in new[] { ("ended: done", RunningColor), ("cancelled", CancelledColor), ("failed", FailedColor) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 5}\" y=\"{y - 12}\" width=\"3\" height=\"14\" fill=\"{color}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"{y}\">{label}</text>\n");
            x += label.Length > 10 ? 140 : 100;
        }
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    /// <summary>An outcome as the lane's label shows it: long results are cut (the tooltip has them whole).</summary>
    private static string Shorten(string outcome) => outcome.Length <= MaxOutcomeLength ? outcome : outcome[..(MaxOutcomeLength - 1)] + "…";
}
