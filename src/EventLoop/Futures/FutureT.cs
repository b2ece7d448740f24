namespace EventLoop;

/// <summary>A <see cref="Future"/> with a result of type <typeparamref name="T"/>, completed by whoever created it.</summary>
public class Future<T> : Future, IFuture<T>
{
    private T _value = default!;

    /// <summary>Creates a pending future on <paramref name="loop"/> (<c>loop.create_future()</c>).</summary>
    public Future(Loop loop)
        : base(loop)
    {
    }

    /// <summary>
    /// The result (<c>result()</c>). Throws the future's exception, <see cref="CancelledError"/> when cancelled, or
    /// <see cref="InvalidStateError"/> while pending.
    /// </summary>
    public new T Result()
    {
        ThrowIfNotSuccessful();
        return _value;
    }

    /// <summary>Finishes the future with <paramref name="value"/> and schedules its callbacks (<c>set_result</c>).</summary>
    public void SetResult(T value)
    {
        if (!Done)
        {
            _value = value;
        }

        SetResultCore();
    }

    /// <summary>Finishes the future with <paramref name="exception"/> and schedules its callbacks (<c>set_exception</c>).</summary>
    public void SetException(Exception exception) => SetExceptionCore(exception);

    /// <summary>Lets coroutines <c>await</c> the future for its result.</summary>
    public new FutureAwaiter<T> GetAwaiter() => new(this);

    private protected override object? ResultObject => _value;
}
