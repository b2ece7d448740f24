namespace EventLoop;

/// <summary>Which clock a <see cref="Loop"/> runs on.</summary>
public enum LoopClock
{
    /// <summary>Virtual time: starts at 0 and jumps to the next timer when nothing is ready. Deterministic.</summary>
    Virtual,

    /// <summary>Real elapsed time: the loop really waits for timers. For demos; not deterministic.</summary>
    Real,
}
