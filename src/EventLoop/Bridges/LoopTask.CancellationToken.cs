namespace EventLoop;

public partial class LoopTask
{
    private CancellationTokenSource? _cancellation;

    /// <summary>
    /// A <see cref="System.Threading.CancellationToken"/> that is cancelled when cancellation of this task is first
    /// requested (<see cref="Cancel"/>), to hand to .NET APIs the task calls. Its callbacks run inside
    /// <see cref="Cancel"/>, on the loop's thread. A token cannot be reset: <see cref="Uncancel"/> does not undo it.
    /// </summary>
    public CancellationToken CancellationToken
    {
        get
        {
            _cancellation ??= new CancellationTokenSource();
            if (Cancelled)
            {
                _cancellation.Cancel();
            }

            return _cancellation.Token;
        }
    }

    private void SignalCancellationToken() => _cancellation?.Cancel();
}
