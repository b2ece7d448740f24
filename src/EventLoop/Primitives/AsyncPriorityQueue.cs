namespace EventLoop;

/// <summary>
/// An <see cref="AsyncQueue{T}"/> that hands out the smallest item first (asyncio's <c>PriorityQueue</c>; named so
/// that it does not clash with <see cref="PriorityQueue{TElement, TPriority}"/>). It keeps a binary heap exactly as
/// Python's <c>heapq</c> does, so items that compare equal come out in the same order as in CPython.
/// </summary>
/// <remarks>
/// Python orders <c>(priority, data)</c> tuples; here the <paramref name="comparer"/> (or <see cref="Comparer{T}.Default"/>)
/// orders items. Compare strings ordinally to match Python's ordering of <c>str</c>.
/// </remarks>
/// <param name="maxsize">How many items the queue holds at most; zero or less means no limit.</param>
/// <param name="comparer">Orders the items, smallest first; <see cref="Comparer{T}.Default"/> when null.</param>
/// <param name="loop">The loop the queue belongs to; when null, the loop running when it first makes a task wait.</param>
public sealed class AsyncPriorityQueue<T>(int maxsize = 0, IComparer<T>? comparer = null, Loop? loop = null)
    : AsyncQueue<T>(maxsize, loop)
{
    private readonly List<T> _heap = [];
    private readonly IComparer<T> _comparer = comparer ?? Comparer<T>.Default;

    /// <inheritdoc />
    protected override int StoredCount => _heap.Count;

    /// <inheritdoc />
    protected override void StoreItem(T item) => HeapQueue.Push(_heap, item, _comparer);

    /// <inheritdoc />
    protected override T TakeItem() => HeapQueue.Pop(_heap, _comparer);
}
