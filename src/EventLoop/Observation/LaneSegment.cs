namespace EventLoop;

/// <summary>A run of iterations in which a task stayed in one state.</summary>
/// <param name="State">The state.</param>
/// <param name="Start">The first iteration's index in the timeline (0 is <see cref="Timeline.FirstIteration"/>).</param>
/// <param name="Length">How many iterations.</param>
/// <param name="Note">What it was about (step kind, what the task waited on).</param>
public readonly record struct LaneSegment(LaneState State, int Start, int Length, string Note);
