namespace EventLoop;

/// <summary>Yielded by an iterator coroutine to finish with a value (see <see cref="Coroutine.Return"/>).</summary>
public sealed class CoroutineReturn
{
    internal CoroutineReturn(object? value) => Value = value;

    /// <summary>The coroutine's result.</summary>
    public object? Value { get; }
}
