namespace EventLoop;

/// <summary>
/// The coroutines of one thread that were built and not yet awaited or wrapped in a task, in creation order. A
/// closing loop reports what is left on it as "coroutine '...' was never awaited", deterministically, instead of
/// leaving it to a finalizer.
/// </summary>
/// <remarks>
/// Every coroutine passes through here, so adding and removing must be cheap: a list linked through the coroutines
/// themselves, in two fields that an unclaimed coroutine does not use otherwise (see <see cref="Coroutine"/>), so that
/// being on it costs no memory of its own.
/// </remarks>
internal sealed class CoroutineRegistry
{
    [ThreadStatic] private static CoroutineRegistry? t_registry;

    // Only the newest end is kept: adding and removing are what every coroutine pays for, and a field less here is a
    // write barrier less there (reporting, which walks to the other end, is rare).
    private Coroutine? _last;

    public static CoroutineRegistry ForThisThread => t_registry ?? CreateForThisThread();

    private static CoroutineRegistry CreateForThisThread() => t_registry = new CoroutineRegistry();

    public void Add(Coroutine coroutine)
    {
        coroutine.Registry = this;
        if (_last is { } last)
        {
            coroutine.RegistryPrevious = last;
            last.RegistryNext = coroutine;
        }

        _last = coroutine;
    }

    public void Remove(Coroutine coroutine)
    {
        // The stores of null are spelled out: storing a constant null costs no write barrier.
        var (previous, next) = (coroutine.RegistryPrevious, coroutine.RegistryNext);
        if (next is null)
        {
            if (previous is null)
            {
                _last = null;
            }
            else
            {
                _last = previous;
                previous.RegistryNext = null;
                coroutine.RegistryPrevious = null;
            }
        }
        else
        {
            next.RegistryPrevious = previous;
            coroutine.RegistryNext = null;
            if (previous is not null)
            {
                previous.RegistryNext = next;
                coroutine.RegistryPrevious = null;
            }
        }

        coroutine.Registry = null;
    }

    /// <summary>Warns once for every coroutine still never awaited, oldest first, and forgets them.</summary>
    public void WarnNeverAwaited()
    {
        // Again while any is left: a warning's handler may build coroutines (warned about too) or claim some (not).
        while (_last is { } oldest)
        {
            while (oldest.RegistryPrevious is { } previous)
            {
                oldest = previous;
            }

            for (Coroutine? coroutine = oldest, next; coroutine is not null; coroutine = next)
            {
                next = coroutine.RegistryNext;
                coroutine.ClaimCreated();
                Warnings.Warn(new RuntimeWarning($"coroutine '{coroutine.Name}' was never awaited", coroutine.Name));
                if (next?.Registry is null)
                {
                    // The handler claimed the next one (or nothing is left): start again from the oldest left.
                    break;
                }
            }
        }
    }
}
