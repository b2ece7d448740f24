namespace EventLoop;

/// <summary>
/// The loop a primitive belongs to (CPython's <c>_LoopBoundMixin</c>): given at construction, or else the loop
/// running when the primitive first has to wait. Using it from another loop afterwards is an error.
/// </summary>
internal struct LoopBinding
{
    private Loop? _loop;

    public LoopBinding(Loop? loop) => _loop = loop;

    /// <summary>The running loop, which must be (or now becomes) the primitive's loop.</summary>
    public Loop Get(object primitive)
    {
        var running = Loop.GetRunningLoop();
        Bind(running, primitive);
        return running;
    }

    /// <summary>
    /// As <see cref="Get"/>, for a caller that knows the running loop already (the loop of the task it runs in), which
    /// saves looking it up.
    /// </summary>
    public void Bind(Loop running, object primitive)
    {
        _loop ??= running;
        if (running != _loop)
        {
            throw new InvalidOperationException(
                $"{primitive} is bound to a different event loop: a primitive serves the loop it first waited on; create one per loop.");
        }
    }
}
