namespace EventLoop;

/// <summary>When <see cref="Asyncio.Wait{TFuture}(IEnumerable{TFuture}, double?, ReturnWhen)"/> returns (asyncio's <c>return_when</c> constants).</summary>
public enum ReturnWhen
{
    /// <summary>When every future is done, or at the timeout (<c>ALL_COMPLETED</c>).</summary>
    AllCompleted,

    /// <summary>When any future is done, or at the timeout (<c>FIRST_COMPLETED</c>).</summary>
    FirstCompleted,

    /// <summary>
    /// When any future finishes with an exception (a cancelled one does not count), when every future is done, or at
    /// the timeout (<c>FIRST_EXCEPTION</c>).
    /// </summary>
    FirstException,
}
