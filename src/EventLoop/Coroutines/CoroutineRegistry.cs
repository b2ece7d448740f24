namespace EventLoop;

/// <summary>
/// The coroutines of one thread that were built and not yet awaited or wrapped in a task, in creation order. A
/// closing loop reports what is left on it as "coroutine '...' was never awaited", deterministically, instead of
/// leaving it to a finalizer.
/// </summary>
/// <remarks>
/// Every coroutine passes through here, so adding and removing must be cheap: a slot array in creation order, where
/// removing clears the slot (and drops empty slots at the end, the usual case: a coroutine is awaited right after it
/// is built). When the array is full and at most half of it is in use, it is compacted instead of grown.
/// </remarks>
internal sealed class CoroutineRegistry
{
    [ThreadStatic] private static CoroutineRegistry? t_registry;

    private Slot[] _slots = new Slot[16];
    private int _count;
    private int _live;

    public static CoroutineRegistry ForThisThread => t_registry ?? CreateForThisThread();

    private static CoroutineRegistry CreateForThisThread() => t_registry = new CoroutineRegistry();

    public void Add(Coroutine coroutine)
    {
        if (_count == _slots.Length)
        {
            MakeRoom();
        }

        coroutine.Registry = this;
        coroutine.RegistryIndex = _count;
        _slots[_count++].Coroutine = coroutine;
        _live++;
    }

    public void Remove(Coroutine coroutine)
    {
        _slots[coroutine.RegistryIndex].Coroutine = null;
        coroutine.Registry = null;
        _live--;
        while (_count > 0 && _slots[_count - 1].Coroutine is null)
        {
            _count--;
        }
    }

    /// <summary>Warns once for every coroutine still never awaited, oldest first, and forgets them.</summary>
    public void WarnNeverAwaited()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_slots[i].Coroutine is { } coroutine)
            {
                Remove(coroutine);
                Warnings.Warn(new RuntimeWarning($"coroutine '{coroutine.Name}' was never awaited", coroutine.Name));
            }
        }
    }

    private void MakeRoom()
    {
        if (_live > _slots.Length / 2)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            return;
        }

        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_slots[i].Coroutine is { } coroutine)
            {
                coroutine.RegistryIndex = kept;
                _slots[kept++].Coroutine = coroutine;
            }
        }

        Array.Clear(_slots, kept, _count - kept);
        _count = kept;
    }

    /// <summary>A struct around the reference, so that storing it needs no array covariance check.</summary>
    private struct Slot
    {
        public Coroutine? Coroutine;
    }
}
