namespace EventLoop;

public sealed partial class Loop
{
    /// <summary>
    /// "coroutine '...' was never awaited": CPython warns when the coroutine is collected; here the coroutines of
    /// this thread still never awaited are reported once, deterministically, when a loop closes.
    /// </summary>
    private partial void WarnNeverAwaited() => CoroutineRegistry.ForThisThread.WarnNeverAwaited();
}
