namespace EventLoop;

/// <summary>
/// A semaphore that refuses to be released more often than it was acquired (asyncio's <c>BoundedSemaphore</c>):
/// <see cref="Release"/> throws <see cref="SemaphoreFullException"/> when the count would exceed its initial value.
/// </summary>
public sealed class AsyncBoundedSemaphore : AsyncSemaphore
{
    private readonly int _boundValue;

    /// <summary>A bounded semaphore with <paramref name="value"/> permits (default 1), which is also its bound.</summary>
    public AsyncBoundedSemaphore(int value = 1, Loop? loop = null)
        : base(value, loop)
    {
        _boundValue = value;
    }

    /// <summary>
    /// Gives a permit back (<c>release()</c>). Throws <see cref="SemaphoreFullException"/> when every permit is
    /// already back, which means some code released more often than it acquired.
    /// </summary>
    public override void Release()
    {
        if (Value >= _boundValue)
        {
            throw new SemaphoreFullException(
                $"BoundedSemaphore released too many times: {PrimitiveMisuse.Caller()} called Release() on {this}, "
                + $"whose {_boundValue} permit(s) are all free; release once per successful Acquire().");
        }

        base.Release();
    }
}
