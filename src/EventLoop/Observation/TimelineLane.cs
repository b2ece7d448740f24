namespace EventLoop;

/// <summary>One task's row of a <see cref="Timeline"/>: its state in every iteration, and how it ended.</summary>
public sealed class TimelineLane
{
    private readonly List<LaneState> _cells = [];
    private readonly List<string> _notes = [];

    internal TimelineLane(long taskId, string name)
    {
        TaskId = taskId;
        Name = name;
    }

    /// <summary>The task's number on its loop.</summary>
    public long TaskId { get; }

    /// <summary>The task's name (the last one it had in the trace).</summary>
    public string Name { get; internal set; }

    /// <summary>How the task ended (<c>done result=1</c>, <c>failed ValueError: x</c>, <c>cancelled</c>) or <c>pending</c>.</summary>
    public string Outcome { get; internal set; } = "pending";

    /// <summary>The task's state in each iteration of the timeline (index 0 is <see cref="Timeline.FirstIteration"/>).</summary>
    public IReadOnlyList<LaneState> Cells => _cells;

    /// <summary>The index of the iteration in which the task ended (its last step), or null while it is pending.</summary>
    public int? EndIndex => Outcome == "pending" ? null : _cells.LastIndexOf(LaneState.Running) is var last and >= 0 ? last : null;

    /// <summary>For each cell, what it was about: the step kind while running, what the task waited on, its outcome.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Runs of equal consecutive cells (running cells stay one per iteration: each is a step), absent and done ones left out.</summary>
    public IEnumerable<LaneSegment> Segments()
    {
        var start = 0;
        for (var i = 1; i <= _cells.Count; i++)
        {
            if (i < _cells.Count && _cells[i] == _cells[start] && _notes[i] == _notes[start] && _cells[i] != LaneState.Running)
            {
                continue;
            }

            if (_cells[start] is not (LaneState.Absent or LaneState.Done))
            {
                yield return new LaneSegment(_cells[start], start, i - start, _notes[start]);
            }

            start = i;
        }
    }

    internal void Add(LaneState state, string note)
    {
        _cells.Add(state);
        _notes.Add(note);
    }

    internal void SetLast(LaneState state, string note)
    {
        _cells[^1] = state;
        _notes[^1] = note;
    }
}
