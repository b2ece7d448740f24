namespace EventLoop;

/// <summary>Coroutines awaited one another inline too deeply (CPython's <c>RecursionError</c>); catchable.</summary>
public sealed class RecursionException : InvalidOperationException
{
    /// <summary>Creates the error with a message that names the coroutine and says how to avoid it.</summary>
    public RecursionException(string message)
        : base(message)
    {
    }
}
