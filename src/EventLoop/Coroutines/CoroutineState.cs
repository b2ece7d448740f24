namespace EventLoop;

/// <summary>Where a coroutine is in its life (CPython's <c>inspect.getcoroutinestate</c>).</summary>
public enum CoroutineState
{
    /// <summary>Built by calling the method; nothing of its body has run (<c>CORO_CREATED</c>).</summary>
    Created,

    /// <summary>Its code is executing now (<c>CORO_RUNNING</c>).</summary>
    Running,

    /// <summary>Paused at an await, waiting to be resumed (<c>CORO_SUSPENDED</c>).</summary>
    Suspended,

    /// <summary>Returned, threw, or was closed (<c>CORO_CLOSED</c>).</summary>
    Completed,
}
