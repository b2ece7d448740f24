namespace EventLoop;

/// <summary>An <see cref="AsyncQueue{T}"/> that hands out the most recently added item first (asyncio's <c>LifoQueue</c>).</summary>
/// <param name="maxsize">How many items the queue holds at most; zero or less means no limit.</param>
/// <param name="loop">The loop the queue belongs to; when null, the loop running when it first makes a task wait.</param>
public sealed class AsyncLifoQueue<T>(int maxsize = 0, Loop? loop = null) : AsyncQueue<T>(maxsize, loop)
{
    private readonly List<T> _stack = [];

    /// <inheritdoc />
    protected override int StoredCount => _stack.Count;

    /// <inheritdoc />
    protected override void StoreItem(T item) => _stack.Add(item);

    /// <inheritdoc />
    protected override T TakeItem()
    {
        var item = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return item;
    }
}
