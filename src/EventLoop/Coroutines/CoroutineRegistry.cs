namespace EventLoop;

/// <summary>
/// The coroutines of one thread that were built and not yet awaited or wrapped in a task, in creation order (an
/// intrusive list: adding and removing cost no allocation). A closing loop reports what is left on it as
/// "coroutine '...' was never awaited", deterministically, instead of leaving it to a finalizer.
/// </summary>
internal sealed class CoroutineRegistry
{
    [ThreadStatic] private static CoroutineRegistry? t_registry;

    private Coroutine? _head;
    private Coroutine? _tail;

    public static CoroutineRegistry ForThisThread => t_registry ??= new CoroutineRegistry();

    public void Add(Coroutine coroutine)
    {
        coroutine.Registry = this;
        coroutine.RegistryPrevious = _tail;
        if (_tail is null)
        {
            _head = coroutine;
        }
        else
        {
            _tail.RegistryNext = coroutine;
        }

        _tail = coroutine;
    }

    public void Remove(Coroutine coroutine)
    {
        var previous = coroutine.RegistryPrevious;
        var next = coroutine.RegistryNext;
        if (previous is null)
        {
            _head = next;
        }
        else
        {
            previous.RegistryNext = next;
        }

        if (next is null)
        {
            _tail = previous;
        }
        else
        {
            next.RegistryPrevious = previous;
        }

        coroutine.Registry = null;
        coroutine.RegistryPrevious = null;
        coroutine.RegistryNext = null;
    }

    /// <summary>Warns once for every coroutine still never awaited, oldest first, and forgets them.</summary>
    public void WarnNeverAwaited()
    {
        while (_head is { } coroutine)
        {
            Remove(coroutine);
            Warnings.Warn(new RuntimeWarning($"coroutine '{coroutine.Name}' was never awaited", coroutine.Name));
        }
    }
}
