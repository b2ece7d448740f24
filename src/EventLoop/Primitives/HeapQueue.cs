namespace EventLoop;

/// <summary>
/// Python's <c>heapq.heappush</c>/<c>heappop</c> on a list, step for step, so that items comparing equal leave an
/// <see cref="AsyncPriorityQueue{T}"/> in the order CPython's would give. It compares with "less than" only.
/// </summary>
internal static class HeapQueue
{
    public static void Push<T>(List<T> heap, T item, IComparer<T> comparer)
    {
        heap.Add(item);
        SiftDown(heap, 0, heap.Count - 1, comparer);
    }

    public static T Pop<T>(List<T> heap, IComparer<T> comparer)
    {
        var last = heap[^1];
        heap.RemoveAt(heap.Count - 1);
        if (heap.Count == 0)
        {
            return last;
        }

        var top = heap[0];
        heap[0] = last;
        SiftUp(heap, 0, comparer);
        return top;
    }

    /// <summary>Moves the item at <paramref name="pos"/> up towards <paramref name="startPos"/> (heapq's <c>_siftdown</c>).</summary>
    private static void SiftDown<T>(List<T> heap, int startPos, int pos, IComparer<T> comparer)
    {
        var item = heap[pos];
        while (pos > startPos)
        {
            var parentPos = (pos - 1) >> 1;
            var parent = heap[parentPos];
            if (comparer.Compare(item, parent) >= 0)
            {
                break;
            }

            heap[pos] = parent;
            pos = parentPos;
        }

        heap[pos] = item;
    }

    /// <summary>
    /// Moves the smaller child up until a leaf is reached, then sifts the item back down (heapq's <c>_siftup</c>,
    /// which makes fewer comparisons than stopping early).
    /// </summary>
    private static void SiftUp<T>(List<T> heap, int pos, IComparer<T> comparer)
    {
        var endPos = heap.Count;
        var startPos = pos;
        var item = heap[pos];
        var childPos = (2 * pos) + 1;
        while (childPos < endPos)
        {
            var rightPos = childPos + 1;
            if (rightPos < endPos && comparer.Compare(heap[childPos], heap[rightPos]) >= 0)
            {
                childPos = rightPos;
            }

            heap[pos] = heap[childPos];
            pos = childPos;
            childPos = (2 * pos) + 1;
        }

        heap[pos] = item;
        SiftDown(heap, startPos, pos, comparer);
    }
}
