namespace EventLoop;

public partial class LoopTask
{
    /// <summary>
    /// A <see cref="System.Threading.CancellationToken"/> that is cancelled when cancellation of this task is first
    /// requested (<see cref="Cancel"/>), to hand to .NET APIs the task calls. Its callbacks run inside
    /// <see cref="Cancel"/>, on the loop's thread. A token cannot be reset: <see cref="Uncancel"/> does not undo it.
    /// </summary>
    public CancellationToken CancellationToken
    {
        get
        {
            var cancellation = TaskExtras.Cancellation ??= new CancellationTokenSource();
            if (Cancelled)
            {
                cancellation.Cancel();
            }

            return cancellation.Token;
        }
    }

    private void SignalCancellationToken() => TaskExtrasOrNull?.Cancellation?.Cancel();
}
