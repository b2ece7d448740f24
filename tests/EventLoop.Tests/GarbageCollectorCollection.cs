namespace EventLoop.Tests;

/// <summary>
/// Tests that watch what the garbage collector frees run alone: a collection another test starts, or its allocations
/// ending a region without collections early, would change what they see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GarbageCollectorCollection
{
    public const string Name = "Garbage collector";
}
