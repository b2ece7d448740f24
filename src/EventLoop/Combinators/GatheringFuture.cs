namespace EventLoop;

/// <summary>
/// The future <c>Gather</c> returns (CPython's <c>_GatheringFuture</c>): done when every child is done, or at the
/// first failure when exceptions are not returned. Cancelling it cancels the children.
/// </summary>
internal sealed class GatheringFuture<TResult> : Future<TResult>
{
    // Cleared once the gather is done (see Complete).
    private readonly Future[] _children;
    private readonly bool _returnExceptions;
    private readonly Func<Future[], TResult> _collect;
    private readonly int _distinct;
    private int _finished;
    private bool _cancelRequested;

    /// <param name="loop">The loop.</param>
    /// <param name="children">The futures, in argument order; one may appear more than once.</param>
    /// <param name="returnExceptions">Whether failures are results instead of raised.</param>
    /// <param name="collect">Makes the result from the children once all are done.</param>
    /// <param name="childrenAreDistinct">True when the caller knows no child appears twice, so none is looked for.</param>
    public GatheringFuture(Loop loop, Future[] children, bool returnExceptions, Func<Future[], TResult> collect,
        bool childrenAreDistinct = false)
        : base(loop)
    {
        _children = children;
        _returnExceptions = returnExceptions;
        _collect = collect;
        var seen = childrenAreDistinct ? null : new HashSet<Future>(ReferenceEqualityComparer.Instance);
        // One callback for every child: its subject is the child it runs with.
        var onChildDone = new DoneCallback(OnChildDone, subject: null);
        foreach (var child in children)
        {
            if (seen?.Add(child) ?? true)
            {
                child.AddDoneCallback(onChildDone);
            }
        }

        _distinct = seen?.Count ?? children.Length;
    }

    /// <summary>Cancels every child; true (and the gather will raise the cancellation) when any was cancelled.</summary>
    public override bool Cancel(string? message = null)
    {
        if (Done)
        {
            return false;
        }

        var cancelled = false;
        foreach (var child in _children)
        {
            cancelled |= child.Cancel(message);
        }

        _cancelRequested |= cancelled;
        return cancelled;
    }

    private void OnChildDone(Future child)
    {
        _finished++;
        if (Done)
        {
            if (!child.Cancelled)
            {
                child.Exception();
            }

            return;
        }

        if (!_returnExceptions)
        {
            if (child.Cancelled)
            {
                Complete(child.MakeCancelledError());
                return;
            }

            if (child.Exception() is { } exception)
            {
                Complete(exception);
                return;
            }
        }

        if (_finished < _distinct)
        {
            return;
        }

        var results = _collect(_children);
        if (_cancelRequested)
        {
            // CPython's _done_callback takes the cancellation from its loop variable: the last child in argument
            // order, not the child that just finished. It matters: that child's own CancelledError is handed out once.
            Complete(_children[^1].MakeCancelledError());
        }
        else
        {
            Complete(results);
        }
    }

    /// <summary>
    /// Completes the gather with <paramref name="error"/>. Once it is done nothing reads its children
    /// (<see cref="Cancel"/> returns at once, a child that finishes later is looked at alone), so their array is
    /// cleared: from about 10,600 children on it lives on the large-object heap, which only a gen2 collection frees,
    /// and until then it would keep every finished task alive even once nothing refers to the array itself (see
    /// <see cref="Coroutine.ReleaseFinishedTask"/>).
    /// </summary>
    private void Complete(Exception error)
    {
        Array.Clear(_children);
        SetException(error);
    }

    /// <summary>Completes the gather with <paramref name="results"/>, clearing its children as above.</summary>
    private void Complete(TResult results)
    {
        Array.Clear(_children);
        SetResult(results);
    }
}
