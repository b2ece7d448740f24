using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace EventLoop;

/// <summary>
/// A lazy coroutine: what an <c>async Coroutine</c> method (or an iterator wrapped with
/// <see cref="FromIterator"/>) returns. Calling the method runs nothing; the coroutine is <see cref="CoroutineState.Created"/>
/// until it is awaited (then it runs inline, inside the awaiting task) or wrapped in a task. It can be awaited once.
/// </summary>
/// <remarks>
/// Await a coroutine only inside another coroutine (or hand it to <c>CreateTask</c>); plain <c>async Task</c>
/// code awaits the task instead. A coroutine never awaited is reported as a <see cref="RuntimeWarning"/> when a loop
/// on its thread closes.
/// </remarks>
[AsyncMethodBuilder(typeof(CoroutineMethodBuilder))]
public abstract class Coroutine
{
    /// <summary>How deep coroutines may start one another inline before <see cref="RecursionException"/>.</summary>
    public const int MaxInlineDepth = 1000;

    [ThreadStatic] private static Coroutine? t_current;
    [ThreadStatic] private static int t_depth;

    private Exception? _error;

    private protected Coroutine() => CoroutineRegistry.ForThisThread.Add(this);

    /// <summary>The coroutine's state: Created, Running, Suspended or Completed.</summary>
    public CoroutineState State
    {
        get;
        private set
        {
            Loop.TraceCoroutineState(this, field, value);
            field = value;
        }
    }

    /// <summary>The name of the method (or iterator) that built the coroutine.</summary>
    public abstract string Name { get; }

    /// <summary>The coroutine awaiting this one (its caller in the await chain), or null for a task's own coroutine.</summary>
    public Coroutine? Caller { get; private set; }

    /// <summary>The coroutine this one is awaiting right now (<c>cr_await</c>), when it awaits another coroutine.</summary>
    public Coroutine? Awaiting { get; private set; }

    internal ICoroutineDriver? Driver { get; private set; }

    /// <summary>The never-awaited list this coroutine is on while nothing has claimed it, and its neighbours there.</summary>
    internal CoroutineRegistry? Registry { get; set; }

    internal Coroutine? RegistryPrevious { get; set; }

    internal Coroutine? RegistryNext { get; set; }

    /// <summary>The exception the coroutine ended with, once it is completed.</summary>
    internal Exception? Error => _error;

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

    internal static string NameOf(Type generatedType)
    {
        var name = generatedType.Name;
        var open = name.IndexOf('<');
        var close = name.IndexOf('>');
        if (open < 0 || close <= open + 1)
        {
            return name;
        }

        var method = name[(open + 1)..close];
        var local = method.IndexOf("g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var end = method.IndexOf('|', local);
            method = end < 0 ? method[(local + 3)..] : method[(local + 3)..end];
        }

        return method;
    }

    /// <summary>Claims a Created coroutine for a task, which will drive it.</summary>
    internal void StartAsTask(ICoroutineDriver driver, string taskName)
    {
        if (Registry is null)
        {
            throw new InvalidOperationException(ReuseMessage($"cannot wrap it in task '{taskName}'"));
        }

        ClaimCreated();
        Driver = driver;
    }

    /// <summary>Starts a Created coroutine inline, as the callee of the running coroutine <paramref name="caller"/>.</summary>
    internal void StartInline(Coroutine caller)
    {
        ClaimCreated();
        Driver = caller.Driver;
        Caller = caller;
        caller.Awaiting = this;
        Resume();
    }

    /// <summary>Runs the coroutine until it suspends or completes.</summary>
    internal void Resume()
    {
        if (t_depth >= MaxInlineDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Complete(new RecursionException(
                $"maximum coroutine depth exceeded starting '{Name}': more than {MaxInlineDepth} coroutines await one another inline; "
                + "break the chain with a task (CreateTask) or a loop."));
            return;
        }

        var previous = t_current;
        t_current = this;
        t_depth++;
        State = CoroutineState.Running;
        try
        {
            MoveNext();
        }
        finally
        {
            t_depth--;
            t_current = previous;
        }
    }

    /// <summary>Throws <paramref name="exception"/> into a coroutine that has not started: it completes with it, unrun.</summary>
    internal void ThrowIntoCreated(Exception exception)
    {
        ClaimCreated();
        Complete(exception);
    }

    /// <summary>After resuming from a child: the child is no longer awaited.</summary>
    internal void ChildFinished() => Awaiting = null;

    /// <summary>The coroutine executing on this thread right now, if any.</summary>
    internal static Coroutine? Current => t_current;

    /// <summary>Runs the coroutine's code from where it stopped until it suspends (via <see cref="Suspend{TAwaiter}"/>) or completes.</summary>
    private protected abstract void MoveNext();

    /// <summary>Marks the coroutine Suspended and tells the driver what it waits for.</summary>
    private protected void Suspend<TAwaiter>(ref TAwaiter awaiter)
        where TAwaiter : INotifyCompletion
    {
        var driver = MarkSuspended();
        switch (awaiter)
        {
            case ICoroutineAwaiter:
                return;
            case IFutureAwaiter futureAwaiter:
                driver.SuspendOnFuture(this, futureAwaiter.Future);
                return;
            case IYieldAwaiter:
                driver.SuspendOnYield(this);
                return;
            default:
                awaiter.OnCompleted(driver.SuspendOnForeign(this));
                return;
        }
    }

    private protected ICoroutineDriver MarkSuspended()
    {
        State = CoroutineState.Suspended;
        return Driver ?? throw new InvalidOperationException($"coroutine '{Name}' suspended outside of a task.");
    }

    private protected void Complete(Exception? error)
    {
        _error = error;
        State = CoroutineState.Completed;
    }

    /// <summary>Rethrows the exception the coroutine ended with, if any (for its awaiter).</summary>
    internal void ThrowIfFailed()
    {
        if (_error is not null)
        {
            ExceptionDispatchInfo.Throw(_error);
        }
    }

    internal void CheckAwaitable()
    {
        if (Registry is null)
        {
            throw new InvalidOperationException(ReuseMessage("cannot await it"));
        }

        if (t_current is null)
        {
            throw new InvalidOperationException(
                $"coroutine '{Name}' is awaited outside of a coroutine: await it inside an async Coroutine method, "
                + "or wrap it in a task (loop.CreateTask) and await the task.");
        }
    }

    private string ReuseMessage(string what) => State switch
    {
        CoroutineState.Completed => $"cannot reuse already awaited coroutine '{Name}': {what}; call the coroutine method again for a new coroutine.",
        CoroutineState.Created => $"coroutine '{Name}' already belongs to a task: {what}; await the task instead.",
        _ => $"coroutine '{Name}' is being awaited already: {what}; await the task that runs it, or call the method again.",
    };

    private void ClaimCreated() => Registry?.Remove(this);
}
