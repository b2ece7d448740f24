using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>The coroutine of an <c>async Coroutine</c> method, as its builder sees it.</summary>
internal abstract class AsyncCoroutine : Coroutine
{
    public void Return() => Complete(null);

    public void Fail(Exception exception) => Complete(exception);

    public void SuspendAt<TAwaiter>(ref TAwaiter awaiter)
        where TAwaiter : INotifyCompletion => Suspend(ref awaiter);
}

/// <summary>The box of an <c>async Coroutine</c> method's state machine: the coroutine object is the box, one allocation per call.</summary>
internal sealed class AsyncCoroutine<TStateMachine> : AsyncCoroutine
    where TStateMachine : IAsyncStateMachine
{
    // The name depends on the method alone: worked out once per method, not at every trace event or warning.
    private static readonly string s_name = NameOf(typeof(TStateMachine));
    private static readonly StateChangeTexts s_stateChanges = new(s_name);

    public TStateMachine StateMachine = default!;

    public override string Name => s_name;

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext(LoopTask task) => StateMachine.MoveNext();
}

/// <summary>The coroutine of an <c>async Coroutine&lt;T&gt;</c> method, as its builder sees it.</summary>
internal abstract class AsyncCoroutineOf<T> : Coroutine<T>
{
    public void Return(T result) => SetResult(result);

    public void Fail(Exception exception) => Complete(exception);

    public void SuspendAt<TAwaiter>(ref TAwaiter awaiter)
        where TAwaiter : INotifyCompletion => Suspend(ref awaiter);
}

/// <summary>The box of an <c>async Coroutine&lt;T&gt;</c> method's state machine.</summary>
internal sealed class AsyncCoroutine<TStateMachine, T> : AsyncCoroutineOf<T>
    where TStateMachine : IAsyncStateMachine
{
    // The name depends on the method alone: worked out once per method, not at every trace event or warning.
    private static readonly string s_name = NameOf(typeof(TStateMachine));
    private static readonly StateChangeTexts s_stateChanges = new(s_name);

    public TStateMachine StateMachine = default!;

    public override string Name => s_name;

    internal override string DescribeStateChange(CoroutineState from, CoroutineState to) => s_stateChanges.Get(from, to);

    private protected override void MoveNext(LoopTask task) => StateMachine.MoveNext();
}
