using EventLoop;

namespace Tutorial;

/// <summary>
/// Runs an example with the loop traced and shows what happened: the trace text, a lane chart, renderings to
/// files, or a pause after every loop iteration with the state of every task.
/// </summary>
public static class Viewer
{
    /// <summary>The options, as the program prints them on a mistake.</summary>
    public const string Usage =
        "options: --trace (trace text) | --vloop (callbacks run, in vloop's TraceRecorder format) | --timeline (lane chart) "
        + "| --svg FILE | --chrome FILE | --mermaid FILE | --step (pause after every iteration)";

    /// <summary>Runs <paramref name="example"/> with the options; returns the exit code.</summary>
    public static int Run(TutorialExample example, string[] options)
    {
        var recorder = new TraceRecorder();
        var outputs = new List<Action>();
        var step = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--trace":
                    outputs.Add(() => Console.Write(recorder.ToText()));
                    break;
                case "--vloop":
                    outputs.Add(() => Console.WriteLine(TraceText.FormatLikeVloop(recorder.Events)));
                    break;
                case "--timeline":
                    outputs.Add(() => Console.Write(LaneChart.Render(recorder.Events)));
                    break;
                case "--svg" or "--chrome" or "--mermaid" when i + 1 < options.Length:
                    var (file, render) = (options[++i], Renderer(options[i - 1]));
                    outputs.Add(() => File.WriteAllText(file, render(recorder.Events)));
                    break;
                case "--step":
                    step = true;
                    break;
                default:
                    Console.Error.WriteLine($"unknown option '{options[i]}'; {Usage}");
                    return 2;
            }
        }

        try
        {
            using (TraceCapture.Start(recorder))
            using (step ? TraceCapture.Start(new IterationPause(Console.In, Console.Out)) : null)
            {
                example.Run();
            }
        }
        finally
        {
            // What the loop did up to an exception is what one wants to see.
            foreach (var output in outputs)
            {
                output();
            }
        }

        return 0;
    }

    private static Func<IEnumerable<TraceEvent>, string> Renderer(string option) => option switch
    {
        "--svg" => SvgTimeline.Render,
        "--chrome" => ChromeTrace.Render,
        _ => MermaidSequence.Render,
    };
}
