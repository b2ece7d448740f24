using System.Reflection;
using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// Reads the callee out of a coroutine awaiter, or the future out of a future awaiter, of type
/// <typeparamref name="TAwaiter"/> without boxing it. A coroutine suspends through a generic
/// <c>Suspend&lt;TAwaiter&gt;</c> that only knows <c>INotifyCompletion</c>, so asking a struct awaiter through
/// <see cref="ICoroutineAwaiter"/> or <see cref="IFutureAwaiter"/> would box it (24 B) on every such await; a
/// constrained call bound once per awaiter type does not.
/// </summary>
internal static class AwaiterAccess<TAwaiter>
{
    public delegate T Reader<T>(ref TAwaiter awaiter);

    /// <summary>The callee of a <see cref="ICoroutineAwaiter"/>; only valid when <typeparamref name="TAwaiter"/> is one.</summary>
    public static readonly Reader<Coroutine> Callee = Bind<Coroutine, ICoroutineAwaiter>(nameof(AwaiterAccess.ReadCallee),
        static (ref TAwaiter awaiter) => ((ICoroutineAwaiter)awaiter!).Callee);

    /// <summary>The future of a <see cref="IFutureAwaiter"/>; only valid when <typeparamref name="TAwaiter"/> is one.</summary>
    public static readonly Reader<Future> Future = Bind<Future, IFutureAwaiter>(nameof(AwaiterAccess.ReadFuture),
        static (ref TAwaiter awaiter) => ((IFutureAwaiter)awaiter!).Future);

    /// <summary>
    /// The constrained reader for a struct awaiter of the interface; otherwise (a class, another awaiter, or no
    /// dynamic code, where binding a generic method at run time may fail) the boxing one.
    /// </summary>
    private static Reader<T> Bind<T, TInterface>(string method, Reader<T> boxing) =>
        typeof(TAwaiter).IsValueType && typeof(TInterface).IsAssignableFrom(typeof(TAwaiter)) && RuntimeFeature.IsDynamicCodeSupported
            ? typeof(AwaiterAccess).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(typeof(TAwaiter)).CreateDelegate<Reader<T>>()
            : boxing;
}

/// <summary>The non-generic half of <see cref="AwaiterAccess{TAwaiter}"/>: the constrained reads it binds.</summary>
internal static class AwaiterAccess
{
    internal static Coroutine ReadCallee<TAwaiter>(ref TAwaiter awaiter)
        where TAwaiter : struct, ICoroutineAwaiter => awaiter.Callee;

    internal static Future ReadFuture<TAwaiter>(ref TAwaiter awaiter)
        where TAwaiter : struct, IFutureAwaiter => awaiter.Future;
}
