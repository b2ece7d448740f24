namespace EventLoop;

public sealed partial class Loop
{
    private ExecutionContext? _commonTaskContext;
    private bool _hasCommonTaskContext;

    /// <summary>
    /// The <see cref="ExecutionContext"/> that the loop's first task captured: the one most of its tasks share (the
    /// tasks it creates inherit it, and so does code outside the loop that set no <see cref="AsyncLocal{T}"/> since),
    /// kept here once rather than in every task.
    /// </summary>
    internal ExecutionContext? CommonTaskContext => _commonTaskContext;

    /// <summary>True when <paramref name="context"/> is <see cref="CommonTaskContext"/> (which the first call sets).</summary>
    internal bool IsCommonTaskContext(ExecutionContext? context)
    {
        if (!_hasCommonTaskContext)
        {
            _commonTaskContext = context;
            _hasCommonTaskContext = true;
        }

        return context == _commonTaskContext;
    }
}
