using EventLoop;

namespace Tutorial;

/// <summary>
/// An instrument for <c>--step</c>: after every loop iteration it shows the state of every task the loop has
/// created so far and waits for Enter (at the end of the input it stops pausing).
/// </summary>
public sealed class IterationPause(TextReader input, TextWriter output) : ILoopInstrument
{
    private readonly List<LoopTask> _tasks = [];
    private bool _inputEnded;

    /// <inheritdoc />
    public void OnEvent(in TraceEvent traceEvent)
    {
        switch (traceEvent.Kind)
        {
            case TraceEventKind.TraceStarted:
                _tasks.Clear();
                break;
            case TraceEventKind.TaskCreated when traceEvent.Task is { } task:
                _tasks.Add(task);
                break;
            case TraceEventKind.IterationEnded:
                output.WriteLine($"--- after iteration {traceEvent.Iteration}, t={Py.F3(traceEvent.Time)} ---");
                output.Write(TaskInspection.DumpTasks(_tasks));
                if (!_inputEnded)
                {
                    output.Write("[Enter] ");
                    output.Flush();
                    _inputEnded = input.ReadLine() is null;
                }

                break;
        }
    }
}
