namespace EventLoop;

/// <summary>
/// What <c>Asyncio.Sleep(0)</c> returns: a coroutine frame named Sleep whose only step is a bare yield. Written by
/// hand rather than as an async method because <c>Sleep(0)</c> is the commonest switch there is: this way it is one
/// small object with no state machine, and it behaves as <c>async Coroutine Sleep(...) { await Asyncio.Yield(); }</c>
/// does (lazy, the same states and trace, a cancellation thrown in at the yield ends it).
/// </summary>
internal sealed class YieldCoroutine : Coroutine
{
    private static readonly StateChangeTexts s_stateChanges = new("Sleep");

    public override string Name => "Sleep";

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext(LoopTask task)
    {
        if (!HasSuspended)
        {
            MarkYielded();
            return;
        }

        // What the yield awaiter's GetResult does: a cancellation the task throws in ends this frame.
        Exception? thrown = null;
        if (Loop.AnyPendingThrow && task.Loop is { PendingThrow: { } pending } loop)
        {
            thrown = pending;
            loop.PendingThrow = null;
        }

        Complete(thrown, task);
    }
}
