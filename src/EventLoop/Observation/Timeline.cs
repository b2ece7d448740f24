namespace EventLoop;

/// <summary>
/// A trace turned into rows and columns: one lane per task (creation order), one column per loop iteration, and
/// the iterations in which the clock jumped. The renderings (<see cref="LaneChart"/>, <see cref="SvgTimeline"/>,
/// <see cref="ChromeTrace"/>) draw it.
/// </summary>
public sealed class Timeline
{
    private readonly List<TimelineLane> _lanes = [];
    private readonly List<double> _times = [];
    private readonly List<(long Iteration, double Time)> _clockJumps = [];

    private Timeline(int index) => Index = index;

    /// <summary>1 for the first loop of a trace, 2 for the next one (a trace can hold several loops).</summary>
    public int Index { get; }

    /// <summary>The first iteration the trace saw.</summary>
    public long FirstIteration { get; private set; }

    /// <summary>How many iterations (columns) the timeline has.</summary>
    public int IterationCount => _times.Count;

    /// <summary>The loop's time at the start of each iteration (index 0 is <see cref="FirstIteration"/>).</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The tasks, in creation order.</summary>
    public IReadOnlyList<TimelineLane> Lanes => _lanes;

    /// <summary>The iterations in which the virtual clock jumped forward, and where it jumped to.</summary>
    public IReadOnlyList<(long Iteration, double Time)> ClockJumps => _clockJumps;

    /// <summary>One timeline per loop in <paramref name="events"/> (a new loop starts at each <see cref="TraceEventKind.TraceStarted"/>).</summary>
    public static IReadOnlyList<Timeline> FromEvents(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var timelines = new List<Timeline>();
        Builder? builder = null;
        foreach (var traceEvent in events)
        {
            if (traceEvent.Kind == TraceEventKind.TraceStarted || builder is null)
            {
                builder = new Builder(new Timeline(timelines.Count + 1));
                timelines.Add(builder.Timeline);
            }

            builder.Add(traceEvent);
        }

        foreach (var timeline in timelines)
        {
            timeline.PadLanes();
        }

        return timelines;
    }

    private void PadLanes()
    {
        foreach (var lane in _lanes)
        {
            while (lane.Cells.Count < _times.Count)
            {
                lane.Add(LaneState.Absent, "");
            }
        }
    }

    /// <summary>Walks the events of one loop, keeping each task's current state and filling a column per iteration.</summary>
    private sealed class Builder(Timeline timeline)
    {
        private readonly Dictionary<long, (TimelineLane Lane, LaneState State, string Note)> _tasks = [];
        private bool _inIteration;

        public Timeline Timeline { get; } = timeline;

        public void Add(in TraceEvent traceEvent)
        {
            switch (traceEvent.Kind)
            {
                case TraceEventKind.IterationStarted:
                    if (Timeline._times.Count == 0)
                    {
                        Timeline.FirstIteration = traceEvent.Iteration;
                    }

                    Timeline._times.Add(traceEvent.Time);
                    _inIteration = true;
                    foreach (var lane in Timeline._lanes)
                    {
                        var (_, state, note) = _tasks[lane.TaskId];
                        lane.Add(state, note);
                    }

                    break;
                case TraceEventKind.IterationEnded:
                    _inIteration = false;
                    break;
                case TraceEventKind.ClockAdvanced:
                    Timeline._clockJumps.Add((traceEvent.Iteration, traceEvent.Time));
                    break;
                case TraceEventKind.TaskCreated when traceEvent.Task is { } task:
                    var created = new TimelineLane(task.Id, traceEvent.TaskName);
                    Timeline._lanes.Add(created);
                    for (var i = 0; i < Timeline._times.Count; i++)
                    {
                        created.Add(LaneState.Absent, "");
                    }

                    _tasks[task.Id] = (created, LaneState.Ready, "created");
                    if (_inIteration)
                    {
                        created.SetLast(LaneState.Ready, "created");
                    }

                    break;
                case TraceEventKind.StepStarted when Lane(traceEvent) is { } lane:
                    if (lane.Cells.Count > 0 && Timeline._times.Count > 0)
                    {
                        lane.SetLast(LaneState.Running, traceEvent.Detail);
                    }

                    break;
                case TraceEventKind.CallbackScheduled when traceEvent.Detail is "step" or "wakeup" && Lane(traceEvent) is not null:
                    Set(traceEvent, LaneState.Ready, null);
                    break;
                case TraceEventKind.TaskSuspended:
                    Set(traceEvent, traceEvent.Wait == WaitKind.Yield ? LaneState.Ready : LaneState.Waiting, traceEvent.Detail);
                    break;
                case TraceEventKind.TaskCompleted:
                    Finish(traceEvent, traceEvent.Detail.Length == 0 ? "done" : "done " + traceEvent.Detail);
                    break;
                case TraceEventKind.TaskFailed:
                    Finish(traceEvent, "failed " + traceEvent.Detail);
                    break;
                case TraceEventKind.TaskCancelled:
                    Finish(traceEvent, "cancelled");
                    break;
            }
        }

        private TimelineLane? Lane(in TraceEvent traceEvent) =>
            traceEvent.Task is { } task && _tasks.TryGetValue(task.Id, out var entry) ? entry.Lane : null;

        private void Set(in TraceEvent traceEvent, LaneState state, string? note)
        {
            if (traceEvent.Task is { } task && _tasks.TryGetValue(task.Id, out var entry))
            {
                entry.Lane.Name = traceEvent.TaskName;
                _tasks[task.Id] = (entry.Lane, state, note ?? entry.Note);
            }
        }

        private void Finish(in TraceEvent traceEvent, string outcome)
        {
            if (traceEvent.Task is { } task && _tasks.TryGetValue(task.Id, out var entry))
            {
                entry.Lane.Outcome = outcome;
                _tasks[task.Id] = (entry.Lane, LaneState.Done, outcome);
            }
        }
    }
}
