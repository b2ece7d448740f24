using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// The coroutines of one thread that were built and not yet awaited or wrapped in a task, in creation order. A
/// closing loop reports what is left on it as "coroutine '...' was never awaited", deterministically, instead of
/// leaving it to a finalizer.
/// </summary>
/// <remarks>
/// Every coroutine passes through here, so adding and removing must be cheap: a list linked through the coroutines
/// themselves, in the two fields that an unclaimed coroutine does not use otherwise (see <see cref="Coroutine"/>), so
/// that being on it costs no memory of its own. The newest coroutine's link forward is the registry itself: removing
/// any coroutine needs no reference to the registry in the others. Only the newest end is kept here: adding and
/// removing are what every coroutine pays for, and a field less is a write barrier less (reporting, which walks to
/// the other end, is rare).
/// </remarks>
internal sealed class CoroutineRegistry
{
    [ThreadStatic] private static CoroutineRegistry? t_registry;

    private Coroutine? _last;

    public static CoroutineRegistry ForThisThread => t_registry ?? CreateForThisThread();

    private static CoroutineRegistry CreateForThisThread() => t_registry = new CoroutineRegistry();

    public void Add(Coroutine coroutine)
    {
        if (_last is { } last)
        {
            coroutine.RegistryPrevious = last;
            last.RegistryNext = coroutine;
        }

        coroutine.RegistryNext = this;
        _last = coroutine;
    }

    /// <summary>Takes <paramref name="coroutine"/> off the registry it is on.</summary>
    public static void Remove(Coroutine coroutine)
    {
        // The stores of null are spelled out: storing a constant null costs no write barrier.
        var previous = coroutine.RegistryPrevious;
        if (coroutine.RegistryNext is CoroutineRegistry registry)
        {
            if (previous is null)
            {
                registry._last = null;
            }
            else
            {
                registry._last = previous;
                previous.RegistryNext = registry;
                coroutine.RegistryPrevious = null;
            }
        }
        else
        {
            var next = Unsafe.As<Coroutine>(coroutine.RegistryNext)!;
            if (previous is null)
            {
                next.RegistryPrevious = null;
            }
            else
            {
                next.RegistryPrevious = previous;
                previous.RegistryNext = next;
                coroutine.RegistryPrevious = null;
            }
        }

        coroutine.RegistryNext = null;
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

            for (var coroutine = oldest; ;)
            {
                var next = coroutine.RegistryNext as Coroutine;
                coroutine.ClaimCreated();
                Warnings.Warn(new RuntimeWarning($"coroutine '{coroutine.Name}' was never awaited", coroutine.Name));
                if (next is not { IsUnclaimed: true })
                {
                    // The handler claimed the next one (or nothing is left): start again from the oldest left.
                    break;
                }

                coroutine = next;
            }
        }
    }
}
