using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace EventLoop;

/// <summary>
/// A lazy coroutine: what an <c>async Coroutine</c> method (or an iterator wrapped with
/// <see cref="FromIterator"/>) returns. Calling the method runs nothing; the coroutine is <see cref="CoroutineState.Created"/>
/// until it is awaited (then it runs inline, inside the awaiting task) or wrapped in a task. It can be awaited once.
/// </summary>
/// <remarks>
/// Awaited inside another coroutine, it runs inline as part of the awaiting task; awaited by plain
/// <c>async Task</c> code, it runs in a task of its own on the running loop. A coroutine never awaited is reported as a <see cref="RuntimeWarning"/> when a loop
/// on its thread closes.
/// </remarks>
[AsyncMethodBuilder(typeof(CoroutineMethodBuilder))]
public abstract class Coroutine
{
    /// <summary>How long an await chain may grow (CPython stops near 1,000 with <c>RecursionError</c>).</summary>
    public const int MaxDepth = 1000;

    // Bits 0-1 of _bits hold the state, bit 2 the callee-pending flag, bit 3 the has-suspended flag, the rest the
    // depth (at most MaxDepth).
    private const int StateMask = 0b11;
    private const int CalleePendingBit = 0b100;
    private const int SuspendedOnceBit = 0b1000;
    private const int DepthShift = 4;

    // The never-awaited registry while the coroutine is unclaimed, the exception it ended with once it completed: the
    // two never coexist (a coroutine is claimed before it runs), and sharing the field makes every frame 8 B smaller.
    private object? _registryOrError;

    private protected Coroutine() => CoroutineRegistry.ForThisThread.Add(this);

    /// <summary>The coroutine's state: Created, Running, Suspended or Completed.</summary>
    public CoroutineState State
    {
        get => (CoroutineState)(_bits & StateMask);
        private set
        {
            var current = State;
            if (value != current)
            {
                Loop.TraceCoroutineState(this, current, value);
                _bits = (_bits & ~StateMask) | (int)value;
            }
        }
    }

    /// <summary>The name of the method (or iterator) that built the coroutine.</summary>
    public abstract string Name { get; }

    /// <summary>The coroutine awaiting this one (its caller in the await chain), or null for a task's own coroutine.</summary>
    public Coroutine? Caller { get; private set; }

    /// <summary>The coroutine this one is awaiting right now (<c>cr_await</c>), when it awaits another coroutine.</summary>
    public Coroutine? Awaiting { get; private set; }

    internal ICoroutineDriver? Driver { get; private set; }

    // The state, the depth and the callee-pending flag share one int (see the constants): apart, they made every
    // coroutine 8 B bigger. The flag is set from the await of a coroutine that has not started (then Awaiting is that
    // callee) until the task starts it: a flag rather than a second reference, which would cost a field and write
    // barriers per await.
    private int _bits;

    /// <summary>How many callers this coroutine has in its await chain.</summary>
    internal int Depth => _bits >> DepthShift;

    /// <summary>The never-awaited list this coroutine is on while nothing has claimed it, and its slot there.</summary>
    internal CoroutineRegistry? Registry
    {
        get => _registryOrError as CoroutineRegistry;
        set => _registryOrError = value;
    }

    internal int RegistryIndex { get; set; }

    /// <summary>The exception the coroutine ended with, once it is completed.</summary>
    internal Exception? Error => _registryOrError as Exception;

    /// <summary>True once the coroutine has suspended (a hand-written frame tells its first run from its resume by it).</summary>
    private protected bool HasSuspended => (_bits & SuspendedOnceBit) != 0;

    /// <summary>
    /// Wraps a C# iterator as a coroutine (a generator-based coroutine). It may yield <c>null</c> (a bare yield),
    /// a <see cref="Future"/> or task, a <see cref="Coroutine"/> (such as <c>Asyncio.Sleep(1)</c>) or another
    /// iterator (both are awaited inline, like <c>yield from</c>), and ends with <see cref="Return"/> or by finishing.
    /// </summary>
    public static Coroutine FromIterator(System.Collections.IEnumerable iterator) => FromIterator<object?>(iterator);

    /// <summary>Wraps a C# iterator as a coroutine whose result is given with <c>yield return Coroutine.Return(value)</c>.</summary>
    public static Coroutine<T> FromIterator<T>(System.Collections.IEnumerable iterator)
    {
        ArgumentNullException.ThrowIfNull(iterator);
        return new IteratorCoroutine<T>(iterator.GetEnumerator());
    }

    /// <summary>What an iterator coroutine yields to finish with <paramref name="value"/> (Python's <c>return value</c>).</summary>
    public static CoroutineReturn Return(object? value) => new(value);

    /// <summary>Lets another coroutine <c>await</c> this one: it runs inline, in the awaiting task.</summary>
    public CoroutineAwaiter GetAwaiter()
    {
        CheckAwaitable();
        return new CoroutineAwaiter(this);
    }

    /// <summary>
    /// Closes a coroutine that was never started (<c>coro.close()</c>): it becomes Completed without running and
    /// without the never-awaited warning. A completed coroutine stays as it is.
    /// </summary>
    public void Close()
    {
        if (State is CoroutineState.Running or CoroutineState.Suspended)
        {
            throw new InvalidOperationException(
                $"coroutine '{Name}' is {State.ToString().ToLowerInvariant()}: cancel the task that runs it instead of closing it.");
        }

        if (State == CoroutineState.Created)
        {
            ClaimCreated();
            State = CoroutineState.Completed;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"<coroutine {Name} ({State.ToString().ToLowerInvariant()})>";

    /// <summary>
    /// The method name inside a compiler-generated type name: <c>&lt;Fetch&gt;d__3</c> is <c>Fetch</c>, and a local
    /// function's <c>&lt;&lt;Main&gt;g__Fetch|0_0&gt;d</c> is <c>Fetch</c> too, and an async lambda's
    /// <c>&lt;&lt;Main&gt;b__0_0&gt;d</c> is <c>lambda in Main</c>.
    /// </summary>
    internal static string NameOf(Type generatedType)
    {
        var name = generatedType.Name;
        var local = name.IndexOf(">g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var start = local + 4;
            var end = name.IndexOf('|', start);
            return end < 0 ? name[start..] : name[start..end];
        }

        if (name.StartsWith("<<", StringComparison.Ordinal) && name.IndexOf(">b__", StringComparison.Ordinal) is > 2 and var lambda)
        {
            return $"lambda in {name[2..lambda]}";
        }

        var open = name.IndexOf('<');
        var close = name.IndexOf('>');
        return open < 0 || close <= open + 1 ? name : name[(open + 1)..close];
    }

    /// <summary>Claims a Created coroutine for a task, which will drive it.</summary>
    internal void StartAsTask(LoopTask task)
    {
        if (Registry is null)
        {
            throw new InvalidOperationException(ReuseMessage($"cannot wrap it in task '{task.Name}'"));
        }

        ClaimCreated();
        Driver = task;
    }

    /// <summary>
    /// Makes a Created coroutine the callee of <paramref name="caller"/>, which awaits it; the task then runs it
    /// inline (no loop iteration). Too long a chain completes it at once with a <see cref="RecursionException"/>.
    /// </summary>
    internal void AttachTo(Coroutine caller)
    {
        ClaimCreated();
        Driver = caller.Driver;
        Caller = caller;
        _bits = ((caller.Depth + 1) << DepthShift) | (_bits & ~(-1 << DepthShift));
        if (Depth >= MaxDepth)
        {
            CompleteTooDeep();
        }
    }

    // Apart from AttachTo, which runs at every await of a coroutine, so that its message is built only when needed.
    private void CompleteTooDeep() => Complete(new RecursionException(
        $"maximum coroutine depth exceeded starting '{Name}': more than {MaxDepth} coroutines await one another; "
        + "break the chain with a task (CreateTask) or a loop."));

    /// <summary>Runs the coroutine until it suspends or completes.</summary>
    internal void Resume()
    {
        State = CoroutineState.Running;
        MoveNext();
    }

    /// <summary>
    /// Resumes this innermost frame of a suspended chain. As in CPython, where resuming a task sends into every
    /// frame of its await chain, the callers are Running again too, outermost first.
    /// </summary>
    internal void ResumeChain()
    {
        if (Loop.MayTraceCoroutineStates)
        {
            // A trace shows the callers' state changes in CPython's order, outermost first.
            var root = this;
            while (root.Caller is { } caller)
            {
                root = caller;
            }

            for (var frame = root; frame is not null && frame != this; frame = frame.Awaiting)
            {
                frame.State = CoroutineState.Running;
            }
        }
        else
        {
            // Untraced, the order cannot be seen: one walk up, and no trace test per frame.
            for (var frame = Caller; frame is not null; frame = frame.Caller)
            {
                frame.SetStateUntraced(CoroutineState.Running);
            }
        }

        Resume();
    }

    /// <summary>This frame suspended: so does every caller awaiting it, innermost first.</summary>
    internal void SuspendCallers()
    {
        var traced = Loop.MayTraceCoroutineStates;
        for (var frame = Caller; frame is not null; frame = frame.Caller)
        {
            if (traced)
            {
                frame.State = CoroutineState.Suspended;
            }
            else
            {
                frame.SetStateUntraced(CoroutineState.Suspended);
            }
        }
    }

    /// <summary>Sets the state of a caller in a chain that nobody traces (see <see cref="ResumeChain"/>).</summary>
    private void SetStateUntraced(CoroutineState state) => _bits = (_bits & ~StateMask) | (int)state;

    /// <summary>Hands the task the callee awaited at the last suspension, if it has not started yet.</summary>
    internal Coroutine? TakePendingCallee()
    {
        if ((_bits & CalleePendingBit) == 0)
        {
            return null;
        }

        _bits &= ~CalleePendingBit;
        return Awaiting;
    }

    /// <summary>Throws <paramref name="exception"/> into a coroutine that has not started: it completes with it, unrun.</summary>
    internal void ThrowIntoCreated(Exception exception)
    {
        ClaimCreated();
        Complete(exception);
    }

    /// <summary>After resuming from a child: the child is no longer awaited.</summary>
    internal void ChildFinished() => Awaiting = null;

    /// <summary>
    /// How a trace says that the coroutine went from <paramref name="from"/> to <paramref name="to"/>: a text each
    /// kind of coroutine makes once (<see cref="StateChangeTexts"/>), as a trace asks at every state change.
    /// </summary>
    internal abstract string DescribeStateChange(CoroutineState from, CoroutineState to);

    /// <summary>
    /// Wraps the coroutine in the task whose type matches its result type (a <see cref="LoopTask{T}"/> for a
    /// <see cref="Coroutine{T}"/>). A plain virtual method: a generic visitor cost a generic virtual dispatch per task.
    /// </summary>
    internal virtual LoopTask CreateTask(Loop loop, string? name) => new(loop, this, name);

    /// <summary>Runs the coroutine's code from where it stopped until it suspends (via <see cref="Suspend{TAwaiter}"/>) or completes.</summary>
    private protected abstract void MoveNext();

    /// <summary>
    /// Tells the driver what the coroutine waits for. Awaiting a coroutine does not suspend: the caller keeps
    /// running while the task runs the callee inline.
    /// </summary>
    /// <remarks>
    /// The library's awaiters are structs whose only field is the callee or the future, so it is read in place: asking
    /// the awaiter through an interface would box it (24 B per await) unless the JIT happens to remove the box, which
    /// it did for some spellings of the cast and not for others. The type tests below are folded per awaiter type.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void Suspend<TAwaiter>(ref TAwaiter awaiter)
        where TAwaiter : INotifyCompletion
    {
        if (awaiter is ICoroutineAwaiter)
        {
            AwaitCallee(Unsafe.As<TAwaiter, Coroutine>(ref awaiter));
            return;
        }

        var driver = MarkSuspended();
        switch (awaiter)
        {
            case IFutureAwaiter:
                driver.SuspendOnFuture(this, Unsafe.As<TAwaiter, Future>(ref awaiter));
                return;
            case IYieldAwaiter:
                driver.SuspendOnYield(this);
                return;
            default:
                awaiter.OnCompleted(driver.SuspendOnForeign(this, typeof(TAwaiter)));
                return;
        }
    }

    /// <summary>Awaits <paramref name="callee"/>, which has not started: the task runs it inline next.</summary>
    private protected void AwaitCallee(Coroutine callee)
    {
        Awaiting = callee;
        _bits |= CalleePendingBit;
    }

    private protected ICoroutineDriver MarkSuspended()
    {
        State = CoroutineState.Suspended;
        _bits |= SuspendedOnceBit;
        return Driver ?? throw new InvalidOperationException($"coroutine '{Name}' suspended outside of a task.");
    }

    private protected void Complete(Exception? error)
    {
        if (error is not null)
        {
            _registryOrError = error;
        }

        State = CoroutineState.Completed;
    }

    /// <summary>Rethrows the exception the coroutine ended with, if any (for its awaiter).</summary>
    internal void ThrowIfFailed()
    {
        // A completed coroutine was claimed, so the field holds nothing or its exception: a null test is enough, and
        // it spares the type test against Exception (a helper call) on every successful await.
        if (_registryOrError is not null)
        {
            ExceptionDispatchInfo.Throw((Exception)_registryOrError);
        }
    }

    internal void CheckAwaitable()
    {
        if (Registry is null)
        {
            ThrowNotAwaitable();
        }
    }

    // Apart from CheckAwaitable so that the check, made at every await of a coroutine, inlines.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowNotAwaitable() => throw new InvalidOperationException(ReuseMessage("cannot await it"));

    private string ReuseMessage(string what) => State switch
    {
        CoroutineState.Completed => $"cannot reuse already awaited coroutine '{Name}': {what}; call the coroutine method again for a new coroutine.",
        CoroutineState.Created => $"coroutine '{Name}' already belongs to a task: {what}; await the task instead.",
        _ => $"coroutine '{Name}' is being awaited already: {what}; await the task that runs it, or call the method again.",
    };

    private void ClaimCreated() => Registry?.Remove(this);
}
