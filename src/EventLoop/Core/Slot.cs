namespace EventLoop;

/// <summary>
/// A reference held in a struct, for arrays that the hot path stores into: a store into an array of a non-sealed
/// reference type (<c>object[]</c>, <c>LoopTask[]</c>) goes through the runtime's array covariance check, a helper call,
/// before its write barrier; a store into a struct's field in an array does not.
/// </summary>
internal struct Slot<T>
    where T : class
{
    public T? Value;
}
