namespace EventLoop;

/// <summary>
/// What awaiting <c>Acquire()</c> of an <see cref="AsyncLock"/>, <see cref="AsyncSemaphore"/> or
/// <see cref="AsyncCondition"/> gives back: disposing it releases the primitive. Python's <c>async with lock:</c>
/// is <c>using (await lock.Acquire()) { ... }</c>: the acquire is awaited, the release is synchronous (as
/// asyncio's <c>__aexit__</c> never suspends), so a plain <see cref="IDisposable"/> is all the scope needs.
/// </summary>
/// <remarks>
/// Dispose it once, as the <c>using</c> statement does; every call releases again. The default value releases
/// nothing. Prefer <c>using</c> over <c>await using</c>: the latter awaits a <see cref="ValueTask"/>, which a
/// coroutine would treat as work outside the loop.
/// </remarks>
public readonly struct Releaser : IDisposable
{
    private readonly IReleasable? _primitive;

    internal Releaser(IReleasable primitive) => _primitive = primitive;

    /// <summary>Releases the primitive that was acquired (<c>__aexit__</c>).</summary>
    public void Dispose() => _primitive?.Release();
}
