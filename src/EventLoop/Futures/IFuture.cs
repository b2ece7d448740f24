namespace EventLoop;

/// <summary>A <see cref="Future"/> whose result has type <typeparamref name="T"/>: a <see cref="Future{T}"/> or a <see cref="LoopTask{T}"/>.</summary>
public interface IFuture<out T>
{
    /// <summary>The result; throws the exception or cancellation it finished with, or while it is pending.</summary>
    T Result();
}
