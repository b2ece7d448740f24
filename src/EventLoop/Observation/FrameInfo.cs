namespace EventLoop;

/// <summary>One coroutine of a task's await chain: its name and its state.</summary>
/// <param name="Name">The coroutine's method (or iterator) name.</param>
/// <param name="State">Its state at the moment of inspection.</param>
public readonly record struct FrameInfo(string Name, CoroutineState State);
