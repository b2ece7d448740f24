using System.Diagnostics;
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
/// <c>async Task</c> code, it runs in a task of its own on the running loop. A coroutine never awaited is reported as
/// a <see cref="RuntimeWarning"/> when a loop on its thread closes.
/// </remarks>
[AsyncMethodBuilder(typeof(CoroutineMethodBuilder))]
public abstract class Coroutine
{
    /// <summary>How long an await chain may grow (CPython stops near 1,000 with <c>RecursionError</c>).</summary>
    public const int MaxDepth = 1000;

    // Bits 0-1 of _bits hold the state, bit 2 the callee-pending flag, bit 3 the has-suspended flag, bit 4 the
    // task's-own-coroutine flag, bit 5 the unclaimed flag, bit 6 the awaits-a-callee flag, bit 7 the callers-suspended
    // flag, bit 8 the yielded flag, the rest the depth (at most MaxDepth).
    private const int StateMask = 0b11;
    private const int CalleePendingBit = 0b100;
    private const int SuspendedOnceBit = 0b1000;
    private const int RootBit = 0b1_0000;
    private const int UnclaimedBit = 0b10_0000;
    private const int AwaitingBit = 0b100_0000;
    private const int CallersSuspendedBit = 0b1000_0000;
    private const int YieldedBit = 0b1_0000_0000;
    private const int DepthShift = 9;

    // A frame has two references, each serving what one phase of its life needs (the flags say which): with a field
    // per purpose (registry or exception, caller, callee, task) and a slot index on the registry, every frame was 24 B
    // bigger. The two hold:
    // - unclaimed, once on the never-awaited registry's list: the coroutine registered before it, and the one after it
    //   (or, for the newest, the registry itself: see CoroutineRegistry); nothing while the registry only remembers it;
    // - claimed: its caller, or the task that drives it for a task's own coroutine (RootBit): a frame further down
    //   finds its task at the root of its chain; and the callee it awaits (AwaitingBit), or, while it is the frame
    //   that suspended its task, what the task waits on (LoopTask.WaitingOn), or, once completed, its exception.
    private object? _callerOrDriver;
    private object? _calleeOrOutcome;

    private protected Coroutine()
    {
        _bits = UnclaimedBit;
        CoroutineRegistry.Add(this);
    }

    /// <summary>The coroutine's state: Created, Running, Suspended or Completed.</summary>
    public CoroutineState State
    {
        // A caller's own bits may still say Running while its chain is suspended (see SuspendCallers): the frame at
        // the bottom of its chain knows.
        get => (_bits & AwaitingBit) != 0 ? StateOfCaller() : OwnState;
        private set
        {
            // The frames whose state changes are running or about to run: their own bits are right.
            var current = OwnState;
            if (value != current)
            {
                Loop.TraceCoroutineState(this, current, value);
                _bits = (_bits & ~StateMask) | (int)value;
            }
        }
    }

    /// <summary>
    /// The state as this frame's own bits have it: the state, except for a caller in a chain that suspended untraced,
    /// where it still says Running (see <see cref="SuspendCallers"/>). Cheaper than <see cref="State"/>, and enough
    /// wherever the frame is the one that runs or resumes, and for telling Created or Completed from the others.
    /// </summary>
    internal CoroutineState OwnState => (CoroutineState)(_bits & StateMask);

    /// <summary>The name of the method (or iterator) that built the coroutine.</summary>
    public abstract string Name { get; }

    /// <summary>The coroutine awaiting this one (its caller in the await chain), or null for a task's own coroutine.</summary>
    public Coroutine? Caller => (_bits & (RootBit | UnclaimedBit)) == 0 ? Unsafe.As<Coroutine>(_callerOrDriver) : null;

    /// <summary>The coroutine this one is awaiting right now (<c>cr_await</c>), when it awaits another coroutine.</summary>
    public Coroutine? Awaiting => (_bits & AwaitingBit) != 0 ? Unsafe.As<Coroutine>(_calleeOrOutcome) : null;

    /// <summary>The task that drives the coroutine's chain (found at its root), or null while nothing does.</summary>
    internal ICoroutineDriver? Driver
    {
        get
        {
            var frame = this;
            while ((frame._bits & RootBit) == 0)
            {
                if ((frame._bits & UnclaimedBit) != 0 || frame._callerOrDriver is null)
                {
                    return null;
                }

                frame = Unsafe.As<Coroutine>(frame._callerOrDriver);
            }

            return Unsafe.As<LoopTask>(frame._callerOrDriver);
        }
    }

    /// <summary>
    /// The task that drives the coroutine, for the trace of its state change from <paramref name="from"/>. A frame that
    /// was Running changes inside its task's step, where that task is the running loop's current one: looking there
    /// rather than walking up to the root keeps tracing a chain linear in its depth (every frame of a chain d deep
    /// walked up d frames when it completed).
    /// </summary>
    internal LoopTask? TaskOfStateChange(CoroutineState from)
    {
        // A coroutine's driver is always its task (StartAsTask, AttachTo): testing the cast would call a helper for
        // every LoopTask<T>, at every state change.
        var task = from == CoroutineState.Running && (_bits & RootBit) == 0
            ? Loop.Running?.CurrentTask
            : Unsafe.As<LoopTask?>(Driver);
        Debug.Assert(task == Driver, $"coroutine '{Name}' changed state outside its task's step");
        return task;
    }

    // The state, the depth and the flags share one int (see the constants): apart, they made every coroutine bigger.
    // The callee-pending flag is set from the await of a coroutine that has not started (then Awaiting is that callee)
    // until the task starts it: a flag rather than a second reference, which would cost a field and write barriers per
    // await.
    private int _bits;

    /// <summary>How many callers this coroutine has in its await chain.</summary>
    internal int Depth => _bits >> DepthShift;

    /// <summary>True while the coroutine is on the never-awaited registry: nothing has awaited it, run it or closed it.</summary>
    internal bool IsUnclaimed => (_bits & UnclaimedBit) != 0;

    /// <summary>The coroutine registered before this one that is still unclaimed (only while this one is unclaimed and linked).</summary>
    internal Coroutine? RegistryPrevious
    {
        get => Unsafe.As<Coroutine>(_callerOrDriver);
        set => _callerOrDriver = value;
    }

    /// <summary>
    /// The coroutine registered after this one that is still unclaimed, or for the newest its registry (only while this
    /// one is unclaimed and linked; null while the registry only remembers it).
    /// </summary>
    internal object? RegistryNext
    {
        get => _calleeOrOutcome;
        set => _calleeOrOutcome = value;
    }

    /// <summary>
    /// What the task waits on while this frame is the one that suspended it (see <c>LoopTask.WaitingOn</c>). The task
    /// keeps it here, in the field of the callee and the exception, which the frame that suspended does not use (it
    /// awaits no callee, and has not completed): every task is 8 B smaller for it. The task clears it when it resumes
    /// the frame, before the frame can await a callee or complete.
    /// </summary>
    internal object? WaitSlot
    {
        get => _calleeOrOutcome;
        set => _calleeOrOutcome = value;
    }

    /// <summary>The exception the coroutine ended with, once it is completed.</summary>
    internal Exception? Error => OwnState == CoroutineState.Completed ? _calleeOrOutcome as Exception : null;

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
        if (!IsUnclaimed)
        {
            throw new InvalidOperationException(ReuseMessage($"cannot wrap it in task '{task.Name}'"));
        }

        ClaimCreated();
        _callerOrDriver = task;
        _bits |= RootBit;
    }

    /// <summary>
    /// The task that drove this coroutine, its own, has finished: the coroutine no longer points back at it, as a
    /// CPython coroutine never points at its task. Whatever still holds the coroutine (the array a program gathered it
    /// from, often big enough for the large-object heap, which only a gen2 collection frees) then keeps only the
    /// coroutine alive, not the task and through it the loop (run after run, such arrays kept every dead run alive, to
    /// be copied again by each young collection). A finished chain is never asked for its task.
    /// </summary>
    internal void ReleaseFinishedTask() => _callerOrDriver = null;

    /// <summary>
    /// Makes a Created coroutine the callee of <paramref name="caller"/>, which awaits it; the task then runs it
    /// inline (no loop iteration). Too long a chain completes it at once with a <see cref="RecursionException"/>.
    /// </summary>
    internal void AttachTo(Coroutine caller)
    {
        ClaimCreated();
        _callerOrDriver = caller;
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

    /// <summary>Runs the coroutine, a frame of <paramref name="task"/>'s chain, until it suspends or completes.</summary>
    internal void Resume(LoopTask task)
    {
        SetState(CoroutineState.Running, task);
        MoveNext(task);
    }

    /// <summary>
    /// Sets the state of a frame of <paramref name="task"/>'s chain: as <see cref="State"/>, where the caller knows the
    /// task that drives the frame, which a trace then does not look for at the root of the chain.
    /// </summary>
    private void SetState(CoroutineState value, LoopTask task)
    {
        // As in State's setter: the frames whose state changes are running or about to run, their own bits are right.
        var current = OwnState;
        if (value != current)
        {
            Loop.TraceCoroutineState(task, this, current, value);
            _bits = (_bits & ~StateMask) | (int)value;
        }
    }

    /// <summary>
    /// Resumes this innermost frame of a suspended chain. As in CPython, where resuming a task sends into every
    /// frame of its await chain, the callers are Running again too, outermost first.
    /// </summary>
    internal void ResumeChain(LoopTask task)
    {
        if (Loop.MayTraceCoroutineStates)
        {
            if ((_bits & CallersSuspendedBit) != 0)
            {
                // The chain suspended untraced: the callers' own bits become what their state was, Suspended, so
                // that the trace shows each of them changing.
                _bits &= ~CallersSuspendedBit;
                for (var frame = Caller; frame is not null; frame = frame.Caller)
                {
                    frame.SetStateUntraced(CoroutineState.Suspended);
                }
            }

            // A trace shows the callers' state changes in CPython's order, outermost first.
            var root = this;
            while (root.Caller is { } caller)
            {
                root = caller;
            }

            for (var frame = root; frame is not null && frame != this; frame = frame.Awaiting)
            {
                frame.SetState(CoroutineState.Running, task);
            }
        }
        else if ((_bits & CallersSuspendedBit) != 0)
        {
            // The chain suspended untraced: the callers' own bits still say Running, which they are again.
            _bits &= ~CallersSuspendedBit;
        }
        else
        {
            // The chain suspended traced: one walk up, and no trace test per frame (untraced, the order cannot be seen).
            for (var frame = Caller; frame is not null; frame = frame.Caller)
            {
                frame.SetStateUntraced(CoroutineState.Running);
            }
        }

        Resume(task);
    }

    /// <summary>This frame of <paramref name="task"/>'s chain suspended: so does every caller awaiting it, innermost first.</summary>
    internal void SuspendCallers(LoopTask task)
    {
        if (!Loop.MayTraceCoroutineStates)
        {
            // Nobody sees the callers change: rather than a walk up the chain at every suspension and another at the
            // resumption, their own bits stay at Running and this frame's flag says that they are Suspended, which
            // State reads when asked (rarely) and ResumeChain clears.
            _bits |= CallersSuspendedBit;
            return;
        }

        for (var frame = Caller; frame is not null; frame = frame.Caller)
        {
            frame.SetState(CoroutineState.Suspended, task);
        }
    }

    /// <summary>Sets the state of a caller without tracing it (see <see cref="ResumeChain"/>).</summary>
    private void SetStateUntraced(CoroutineState state) => _bits = (_bits & ~StateMask) | (int)state;

    /// <summary>
    /// The state of a frame that awaits a callee: its own, unless the frame at the bottom of its chain suspended it
    /// untraced, leaving the callers' bits at Running (see <see cref="SuspendCallers"/>).
    /// </summary>
    private CoroutineState StateOfCaller()
    {
        var innermost = this;
        while ((innermost._bits & AwaitingBit) != 0)
        {
            innermost = Unsafe.As<Coroutine>(innermost._calleeOrOutcome)!;
        }

        return (innermost._bits & CallersSuspendedBit) != 0 ? CoroutineState.Suspended : OwnState;
    }

    /// <summary>Hands the task the callee awaited at the last suspension, if it has not started yet.</summary>
    internal Coroutine? TakePendingCallee()
    {
        if ((_bits & CalleePendingBit) == 0)
        {
            return null;
        }

        _bits &= ~CalleePendingBit;
        return Unsafe.As<Coroutine>(_calleeOrOutcome);
    }

    /// <summary>Throws <paramref name="exception"/> into a coroutine that has not started: it completes with it, unrun.</summary>
    internal void ThrowIntoCreated(Exception exception)
    {
        ClaimCreated();
        Complete(exception);
    }

    /// <summary>The child completed: the caller, resumed next to take its outcome, no longer awaits it.</summary>
    internal void ChildFinished()
    {
        _calleeOrOutcome = null;
        _bits &= ~AwaitingBit;
    }

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

    /// <summary>
    /// Runs the coroutine's code, a frame of <paramref name="task"/>'s chain, from where it stopped until it suspends
    /// (via <see cref="Suspend{TAwaiter}"/>) or completes. A hand-written frame uses the task it is given; an async
    /// method's frame, whose code cannot be given it, finds it at the root of its chain when it needs it.
    /// </summary>
    private protected abstract void MoveNext(LoopTask task);

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

        if (awaiter is IYieldAwaiter)
        {
            MarkYielded();
            return;
        }

        var driver = MarkSuspended();
        switch (awaiter)
        {
            case IFutureAwaiter:
                driver.SuspendOnFuture(this, Unsafe.As<TAwaiter, Future>(ref awaiter));
                return;
            default:
                awaiter.OnCompleted(driver.SuspendOnForeign(this, typeof(TAwaiter)));
                return;
        }
    }

    /// <summary>Awaits <paramref name="callee"/>, which has not started: the task runs it inline next.</summary>
    private protected void AwaitCallee(Coroutine callee)
    {
        _calleeOrOutcome = callee;
        _bits |= CalleePendingBit | AwaitingBit;
    }

    /// <summary>
    /// The coroutine yields bare (<c>Sleep(0)</c>). The task, which resumed it and gets control back as soon as it
    /// returns, makes it Suspended and schedules its next step (see <see cref="SuspendIfYielded"/>): a yield cannot
    /// fail, so it needs nothing from the task inside the coroutine's step, and neither the state change nor its trace
    /// has to look for the task at the root of the chain.
    /// </summary>
    private protected void MarkYielded() => _bits |= SuspendedOnceBit | YieldedBit;

    /// <summary>If the coroutine, a frame of <paramref name="task"/>'s chain, just yielded bare: makes it Suspended, and says so.</summary>
    internal bool SuspendIfYielded(LoopTask task)
    {
        if ((_bits & YieldedBit) == 0)
        {
            return false;
        }

        _bits &= ~YieldedBit;
        SetState(CoroutineState.Suspended, task);
        return true;
    }

    // Only a task resumes a coroutine (Resume), so the chain of one that suspends leads to it. Found first, so that a
    // traced state change need not look for it again.
    private protected ICoroutineDriver MarkSuspended() => MarkSuspended(Unsafe.As<LoopTask>(Driver!));

    /// <summary>As <see cref="MarkSuspended()"/>, for a frame that knows the task that drives it.</summary>
    private protected ICoroutineDriver MarkSuspended(LoopTask task)
    {
        SetState(CoroutineState.Suspended, task);
        _bits |= SuspendedOnceBit;
        return task;
    }

    private protected void Complete(Exception? error)
    {
        SetOutcome(error);
        State = CoroutineState.Completed;
    }

    /// <summary>As <see cref="Complete(Exception?)"/>, for a frame that knows the task that drives it.</summary>
    private protected void Complete(Exception? error, LoopTask task)
    {
        SetOutcome(error);
        SetState(CoroutineState.Completed, task);
    }

    private void SetOutcome(Exception? error)
    {
        if ((_bits & AwaitingBit) != 0)
        {
            // Only a frame that ended without taking its callee's outcome (a throw came first) gets here still
            // awaiting: a completed coroutine awaits nothing, and the field is the exception's now.
            ChildFinished();
        }

        if (error is not null)
        {
            _calleeOrOutcome = error;
        }
    }

    /// <summary>Rethrows the exception the coroutine ended with, if any (for its awaiter).</summary>
    internal void ThrowIfFailed()
    {
        // A completed coroutine awaits nothing and waits for nothing, so the field holds nothing or its exception: a
        // null test is enough, and it spares the type test against Exception (a helper call) on every successful await.
        if (_calleeOrOutcome is not null)
        {
            ExceptionDispatchInfo.Throw((Exception)_calleeOrOutcome);
        }
    }

    internal void CheckAwaitable()
    {
        if ((_bits & UnclaimedBit) == 0)
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

    /// <summary>Takes the coroutine off its registry, if it is still there: something awaits it, runs it or gave up on it.</summary>
    internal void ClaimCreated()
    {
        if ((_bits & UnclaimedBit) != 0)
        {
            if (CoroutineRegistry.IsLinked(this))
            {
                CoroutineRegistry.Remove(this);
            }

            _bits &= ~UnclaimedBit;
        }
    }
}
