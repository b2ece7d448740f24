namespace EventLoop;

/// <summary>What a suspended task waits on.</summary>
public enum WaitKind
{
    /// <summary>Nothing: the task is not suspended.</summary>
    None,

    /// <summary>A bare yield (<c>Sleep(0)</c>): its next step is already on the ready queue.</summary>
    Yield,

    /// <summary>A sleep: a future that a timer completes at a deadline.</summary>
    Sleep,

    /// <summary>Another task.</summary>
    Task,

    /// <summary>A future (including combinators such as gather).</summary>
    Future,

    /// <summary>An awaitable the loop does not own (e.g. a <see cref="System.Threading.Tasks.Task"/>).</summary>
    Foreign,
}
