using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// Builds the <see cref="Coroutine"/> of an <c>async Coroutine</c> method. <see cref="Start{TStateMachine}"/> boxes
/// the state machine into the coroutine object and does not run it: that is what makes the coroutine lazy.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct CoroutineMethodBuilder
{
    private AsyncCoroutine? _coroutine;

    /// <summary>Called by the compiler.</summary>
    public static CoroutineMethodBuilder Create() => default;

    /// <summary>The coroutine being built.</summary>
    public readonly Coroutine Task => _coroutine!;

    /// <summary>Boxes the state machine into the coroutine; runs nothing.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        var coroutine = new AsyncCoroutine<TStateMachine>();
        _coroutine = coroutine;
        coroutine.StateMachine = stateMachine;
    }

    /// <summary>Not used: the coroutine owns its state machine from <see cref="Start{TStateMachine}"/> on.</summary>
    public readonly void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }

    /// <summary>Called by the compiler when the method returns.</summary>
    public readonly void SetResult() => _coroutine!.Return();

    /// <summary>Called by the compiler when the method throws.</summary>
    public readonly void SetException(Exception exception) => _coroutine!.Fail(exception);

    /// <summary>Called by the compiler at an await that suspends.</summary>
    public readonly void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _coroutine!.SuspendAt(ref awaiter);

    /// <summary>Called by the compiler at an await that suspends.</summary>
    public readonly void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _coroutine!.SuspendAt(ref awaiter);
}

/// <summary>Builds the <see cref="Coroutine{T}"/> of an <c>async Coroutine&lt;T&gt;</c> method; lazy like <see cref="CoroutineMethodBuilder"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct CoroutineMethodBuilder<T>
{
    private AsyncCoroutineOf<T>? _coroutine;

    /// <summary>Called by the compiler.</summary>
    public static CoroutineMethodBuilder<T> Create() => default;

    /// <summary>The coroutine being built.</summary>
    public readonly Coroutine<T> Task => _coroutine!;

    /// <summary>Boxes the state machine into the coroutine; runs nothing.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        var coroutine = new AsyncCoroutine<TStateMachine, T>();
        _coroutine = coroutine;
        coroutine.StateMachine = stateMachine;
    }

    /// <summary>Not used: the coroutine owns its state machine from <see cref="Start{TStateMachine}"/> on.</summary>
    public readonly void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }

    /// <summary>Called by the compiler when the method returns.</summary>
    public readonly void SetResult(T result) => _coroutine!.Return(result);

    /// <summary>Called by the compiler when the method throws.</summary>
    public readonly void SetException(Exception exception) => _coroutine!.Fail(exception);

    /// <summary>Called by the compiler at an await that suspends.</summary>
    public readonly void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _coroutine!.SuspendAt(ref awaiter);

    /// <summary>Called by the compiler at an await that suspends.</summary>
    public readonly void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _coroutine!.SuspendAt(ref awaiter);
}
