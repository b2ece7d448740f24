using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// The coroutines of one thread that were built and not yet awaited or wrapped in a task, in creation order. A
/// closing loop reports what is left on it as "coroutine '...' was never awaited", deterministically, instead of
/// leaving it to a finalizer.
/// </summary>
/// <remarks>
/// Every coroutine passes through here, and most are awaited right after they are built, so that case must cost
/// next to nothing: the newest coroutine is only remembered (one store), and claiming it touches nothing here. The
/// older unclaimed ones are in a list linked through the coroutines themselves, in the two fields that an unclaimed
/// coroutine does not use otherwise (see <see cref="Coroutine"/>), so that being on it costs no memory of its own; the
/// newest remembered one is linked to them only when another coroutine is built while it is still unclaimed. The
/// newest linked coroutine's link forward is the registry itself: removing any coroutine needs no reference to the
/// registry in the others. Only the newest end is kept here (reporting, which walks to the other end, is rare).
/// </remarks>
internal sealed class CoroutineRegistry
{
    [ThreadStatic] private static CoroutineRegistry? t_registry;

    // The coroutine built last on this thread, claimed or not: remembering it without checking is what makes building
    // a coroutine and awaiting it cheap. While it is claimed it is kept alive until the next one is built or a loop
    // closes: one object per thread.
    private Coroutine? _newest;

    // The newest of the linked coroutines (every unclaimed one but _newest).
    private Coroutine? _last;

    public static CoroutineRegistry ForThisThread => t_registry ?? CreateForThisThread();

    private static CoroutineRegistry CreateForThisThread() => t_registry = new CoroutineRegistry();

    /// <summary>Remembers <paramref name="coroutine"/>, just built on this thread, as the newest unclaimed one.</summary>
    public static void Add(Coroutine coroutine)
    {
        var registry = ForThisThread;
        if (registry._newest is { IsUnclaimed: true } previous)
        {
            registry.Link(previous);
        }

        registry._newest = coroutine;
    }

    /// <summary>Takes <paramref name="coroutine"/>, which is on a list (see <see cref="IsLinked"/>), off it.</summary>
    public static void Remove(Coroutine coroutine)
    {
        var previous = coroutine.RegistryPrevious;
        var next = coroutine.RegistryNext!;
        if (next is CoroutineRegistry registry)
        {
            registry._last = previous;
        }
        else
        {
            Unsafe.As<Coroutine>(next).RegistryPrevious = previous;
        }

        if (previous is not null)
        {
            previous.RegistryNext = next;
        }

        coroutine.RegistryPrevious = null;
        coroutine.RegistryNext = null;
    }

    /// <summary>
    /// True when the unclaimed <paramref name="coroutine"/> is on a list: a linked coroutine always leads to the next
    /// one or to the registry, and the newest, only remembered, leads nowhere.
    /// </summary>
    public static bool IsLinked(Coroutine coroutine) => coroutine.RegistryNext is not null;

    /// <summary>Warns once for every coroutine still never awaited, oldest first, and forgets them.</summary>
    public void WarnNeverAwaited()
    {
        // Again while any is left: a warning's handler may build coroutines (warned about too) or claim some (not).
        while (true)
        {
            if (_newest is { IsUnclaimed: true } newest)
            {
                Link(newest);
            }

            // Nothing claimed stays alive here after a loop closes.
            _newest = null;
            if (_last is not { } oldest)
            {
                return;
            }

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

    /// <summary>Puts <paramref name="coroutine"/>, unclaimed and remembered as the newest so far, on the list.</summary>
    private void Link(Coroutine coroutine)
    {
        if (_last is { } last)
        {
            coroutine.RegistryPrevious = last;
            last.RegistryNext = coroutine;
        }

        coroutine.RegistryNext = this;
        _last = coroutine;
    }
}
