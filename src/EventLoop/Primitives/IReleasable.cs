namespace EventLoop;

/// <summary>A primitive that a <see cref="Releaser"/> can release: a lock or a semaphore.</summary>
internal interface IReleasable
{
    void Release();
}
