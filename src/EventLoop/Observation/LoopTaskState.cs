namespace EventLoop;

/// <summary>Where a task is in its life, as <see cref="TaskInspection.Inspect"/> sees it at one moment.</summary>
public enum LoopTaskState
{
    /// <summary>Created; its first step is scheduled but has not run.</summary>
    Pending,

    /// <summary>Suspended, and its next step or wake-up is already on the ready queue.</summary>
    Ready,

    /// <summary>Its coroutine is executing now.</summary>
    Running,

    /// <summary>Suspended on something that is not done yet (see <see cref="TaskInfo.WaitingOn"/>).</summary>
    Waiting,

    /// <summary>Done with a result.</summary>
    Completed,

    /// <summary>Done with an exception.</summary>
    Failed,

    /// <summary>Done, cancelled.</summary>
    Cancelled,
}
