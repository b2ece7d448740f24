using System.Collections;

namespace EventLoop;

/// <summary>
/// A set of futures that enumerates in a defined order (where CPython's sets follow object addresses): tasks in
/// creation order (<see cref="LoopTask.Id"/>), then other futures in the order they were given.
/// </summary>
public sealed class FutureSet<TFuture> : IReadOnlySet<TFuture>
    where TFuture : Future
{
    private readonly List<TFuture> _items;
    private readonly HashSet<TFuture> _lookup;

    internal FutureSet(List<TFuture> orderedItems)
    {
        _items = orderedItems;
        _lookup = new HashSet<TFuture>(orderedItems, ReferenceEqualityComparer.Instance);
    }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public bool Contains(TFuture item) => _lookup.Contains(item);

    /// <summary>Enumerates tasks in creation order, then other futures in the order they were given.</summary>
    public List<TFuture>.Enumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool IsProperSubsetOf(IEnumerable<TFuture> other) => _lookup.IsProperSubsetOf(other);

    /// <inheritdoc />
    public bool IsProperSupersetOf(IEnumerable<TFuture> other) => _lookup.IsProperSupersetOf(other);

    /// <inheritdoc />
    public bool IsSubsetOf(IEnumerable<TFuture> other) => _lookup.IsSubsetOf(other);

    /// <inheritdoc />
    public bool IsSupersetOf(IEnumerable<TFuture> other) => _lookup.IsSupersetOf(other);

    /// <inheritdoc />
    public bool Overlaps(IEnumerable<TFuture> other) => _lookup.Overlaps(other);

    /// <inheritdoc />
    public bool SetEquals(IEnumerable<TFuture> other) => _lookup.SetEquals(other);

    IEnumerator<TFuture> IEnumerable<TFuture>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The distinct futures of <paramref name="futures"/> in the order sets enumerate: tasks by creation, then the
    /// other futures as given (CPython's <c>set(fs)</c>, made deterministic).
    /// </summary>
    internal static List<TFuture> Distinct(IEnumerable<TFuture> futures, string parameterName)
    {
        var seen = new HashSet<TFuture>(ReferenceEqualityComparer.Instance);
        var tasks = new List<TFuture>();
        var others = new List<TFuture>();
        foreach (var future in futures)
        {
            if (future is null)
            {
                throw new ArgumentException("The futures cannot contain null.", parameterName);
            }

            if (seen.Add(future))
            {
                (future is LoopTask ? tasks : others).Add(future);
            }
        }

        tasks.Sort(static (a, b) => ((LoopTask)(Future)a).Id.CompareTo(((LoopTask)(Future)b).Id));
        tasks.AddRange(others);
        return tasks;
    }
}
