namespace EventLoop;

/// <summary>
/// Recovers a coroutine's result type from a <see cref="Coroutine"/> reference (see <see cref="Coroutine.Accept{TResult}"/>),
/// so that layers above can build typed objects (a typed task) for it.
/// </summary>
internal interface ICoroutineVisitor<out TResult>
{
    /// <summary>A coroutine without a result.</summary>
    TResult Visit(Coroutine coroutine);

    /// <summary>A coroutine with a result of type <typeparamref name="T"/>.</summary>
    TResult Visit<T>(Coroutine<T> coroutine);
}
