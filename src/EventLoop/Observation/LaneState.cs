namespace EventLoop;

/// <summary>What a task did during one loop iteration, as a timeline shows it.</summary>
public enum LaneState
{
    /// <summary>The task did not exist yet.</summary>
    Absent,

    /// <summary>Its next step was on the ready queue (a new task, a yield, or what it awaited is done).</summary>
    Ready,

    /// <summary>It ran a step in this iteration.</summary>
    Running,

    /// <summary>It was suspended on something not done yet.</summary>
    Waiting,

    /// <summary>It was done.</summary>
    Done,
}
