using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventLoop.Tests.Differential;

/// <summary>
/// A random asyncio program as data (the JSON of tests/Differential/generate.py): task bodies made of statements.
/// Body 0 is main; body i runs in task <c>Tasks[i].Name</c>, spawned by one <see cref="SpawnStatement"/> or
/// <see cref="GroupSpawnStatement"/>. The primitives (made before main starts) are those of the rich profile:
/// <paramref name="Resources"/> (locks and semaphores, acquired in index order), <paramref name="Events"/> events and
/// one queue per maxsize in <paramref name="Queues"/>.
/// </summary>
public sealed record ProgramSpec(
    int Format,
    long Seed,
    IReadOnlyList<TaskSpec> Tasks,
    IReadOnlyList<ResourceSpec>? Resources = null,
    int Events = 0,
    IReadOnlyList<int>? Queues = null)
{
    /// <summary>The version of the format this code reads and writes.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowOutOfOrderMetadataProperties = true,
    };

    /// <summary>Reads a program; rejects a format this code does not know.</summary>
    public static ProgramSpec Parse(string json)
    {
        var program = JsonSerializer.Deserialize<ProgramSpec>(json, Options)
            ?? throw new InvalidDataException("A program file holds a JSON object.");
        if (program.Format != CurrentFormat)
        {
            throw new InvalidDataException($"Program format {program.Format} is not {CurrentFormat}: regenerate it or update the interpreter.");
        }

        return program;
    }

    /// <summary>The program as JSON that generate.py's reader and <see cref="Parse"/> accept.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The names of every statement type (for coverage checks).</summary>
    public static IEnumerable<string> StatementTypes =>
        typeof(Statement).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Statement))).Select(t => t.Name);

    /// <summary>Every statement of every body, nested ones included.</summary>
    public IEnumerable<Statement> AllStatements() => Tasks.SelectMany(t => Flatten(t.Body));

    private static IEnumerable<Statement> Flatten(IEnumerable<Statement> statements) =>
        statements.SelectMany(s => Flatten(s switch
        {
            TryStatement t => t.Body.Concat(t.Handler),
            TimeoutStatement t => t.Body,
            TaskGroupStatement t => t.Body,
            AcquireStatement t => t.Body,
            _ => [],
        }).Prepend(s));
}

/// <summary>A lock or semaphore of the program: <c>Kind</c> is lock, semaphore or bounded_semaphore; <c>Value</c> its permits.</summary>
public sealed record ResourceSpec(string Kind, int Value);

/// <summary>One task body: its name, the value it returns and its statements.</summary>
public sealed record TaskSpec(string Name, int Result, IReadOnlyList<Statement> Body);

/// <summary>
/// A statement of a task body. Adding a construct: a record here (with its JSON name), a case in
/// <see cref="ProgramInterpreter"/>, the same op in generate.py and run_program.py, and a case in
/// <see cref="ProgramGen"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(SleepStatement), "sleep")]
[JsonDerivedType(typeof(LogStatement), "log")]
[JsonDerivedType(typeof(SpawnStatement), "spawn")]
[JsonDerivedType(typeof(AwaitStatement), "await")]
[JsonDerivedType(typeof(GatherStatement), "gather")]
[JsonDerivedType(typeof(CancelStatement), "cancel")]
[JsonDerivedType(typeof(RaiseStatement), "raise")]
[JsonDerivedType(typeof(TryStatement), "try")]
[JsonDerivedType(typeof(CallSoonStatement), "call_soon")]
[JsonDerivedType(typeof(CallLaterStatement), "call_later")]
[JsonDerivedType(typeof(AddDoneCallbackStatement), "add_done_callback")]
[JsonDerivedType(typeof(WaitStatement), "wait")]
[JsonDerivedType(typeof(WaitForStatement), "wait_for")]
[JsonDerivedType(typeof(ShieldStatement), "shield")]
[JsonDerivedType(typeof(TimeoutStatement), "timeout")]
[JsonDerivedType(typeof(TaskGroupStatement), "task_group")]
[JsonDerivedType(typeof(GroupSpawnStatement), "group_spawn")]
[JsonDerivedType(typeof(AcquireStatement), "acquire")]
[JsonDerivedType(typeof(EventSetStatement), "event_set")]
[JsonDerivedType(typeof(EventClearStatement), "event_clear")]
[JsonDerivedType(typeof(EventWaitStatement), "event_wait")]
[JsonDerivedType(typeof(QueuePutStatement), "queue_put")]
[JsonDerivedType(typeof(QueueGetStatement), "queue_get")]
[JsonDerivedType(typeof(QueueJoinStatement), "queue_join")]
[JsonDerivedType(typeof(UncancelStatement), "uncancel")]
[JsonDerivedType(typeof(CancelSelfStatement), "cancel_self")]
public abstract record Statement;

/// <summary><c>await asyncio.sleep(delay)</c>, then log <c>slept DELAY</c>.</summary>
public sealed record SleepStatement(double Delay) : Statement;

/// <summary>Log <c>note TEXT</c>.</summary>
public sealed record LogStatement(string Text) : Statement;

/// <summary><c>create_task(body Task, name=...)</c>.</summary>
public sealed record SpawnStatement(int Task) : Statement;

/// <summary><c>await task</c>; with <paramref name="Catch"/> its exception or cancellation is logged, not raised.</summary>
public sealed record AwaitStatement(int Task, bool Catch) : Statement;

/// <summary><c>await asyncio.gather(*tasks, return_exceptions=...)</c>, caught and logged as <see cref="AwaitStatement"/>.</summary>
public sealed record GatherStatement(IReadOnlyList<int> Tasks, bool ReturnExceptions, bool Catch) : Statement;

/// <summary><c>task.cancel(msg)</c> (no message when null); logs what it returned.</summary>
public sealed record CancelStatement(int Task, string? Msg) : Statement;

/// <summary><c>raise ValueError(msg)</c>.</summary>
public sealed record RaiseStatement(string Msg) : Statement;

/// <summary><c>try: body except EXCEPT: log; handler; [raise]</c>; <c>Except</c> is ValueError, CancelledError or Exception.</summary>
public sealed record TryStatement(IReadOnlyList<Statement> Body, string Except, IReadOnlyList<Statement> Handler, bool Reraise) : Statement;

/// <summary><c>loop.call_soon(cb)</c> of a callback that logs its label.</summary>
public sealed record CallSoonStatement(string Label) : Statement;

/// <summary><c>loop.call_later(delay, cb)</c> of a callback that logs its label; logs the deadline.</summary>
public sealed record CallLaterStatement(double Delay, string Label) : Statement;

/// <summary><c>task.add_done_callback(cb)</c> of a callback that logs the task's final state.</summary>
public sealed record AddDoneCallbackStatement(int Task, string Label) : Statement;

/// <summary><c>done, pending = await asyncio.wait(tasks, timeout=..., return_when=...)</c>; logs both in creation order.</summary>
public sealed record WaitStatement(IReadOnlyList<int> Tasks, double? Timeout, string ReturnWhen) : Statement;

/// <summary><c>await asyncio.wait_for(task, timeout)</c>, caught and logged as <see cref="AwaitStatement"/>.</summary>
public sealed record WaitForStatement(int Task, double Timeout, bool Catch) : Statement;

/// <summary><c>await asyncio.shield(task)</c>, caught and logged as <see cref="AwaitStatement"/>.</summary>
public sealed record ShieldStatement(int Task, bool Catch) : Statement;

/// <summary><c>async with asyncio.timeout(delay): body</c> (no deadline when null); logs entry and a normal exit.</summary>
public sealed record TimeoutStatement(double? Delay, IReadOnlyList<Statement> Body) : Statement;

/// <summary>
/// <c>async with asyncio.TaskGroup() as tg: body</c>, whose <see cref="GroupSpawnStatement"/>s create the group's
/// tasks; with <c>Catch</c> what leaves the group (an exception group, listed) is logged instead of raised.
/// </summary>
public sealed record TaskGroupStatement(IReadOnlyList<Statement> Body, bool Catch) : Statement;

/// <summary><c>tg.create_task(body Task, name=...)</c>, directly in a <see cref="TaskGroupStatement"/>'s body.</summary>
public sealed record GroupSpawnStatement(int Task) : Statement;

/// <summary><c>async with resources[Resource]: body</c> (a lock or semaphore); logs the acquisition and the release.</summary>
public sealed record AcquireStatement(int Resource, IReadOnlyList<Statement> Body) : Statement;

/// <summary><c>events[Event].set()</c>.</summary>
public sealed record EventSetStatement(int Event) : Statement;

/// <summary><c>events[Event].clear()</c>.</summary>
public sealed record EventClearStatement(int Event) : Statement;

/// <summary>
/// <c>await events[Event].wait()</c> under a deadline: <c>Via</c> is <c>timeout</c> (<c>async with asyncio.timeout</c>)
/// or <c>wait_for</c>; the TimeoutError is logged. So are the queue statements.
/// </summary>
public sealed record EventWaitStatement(int Event, double Timeout, string Via) : Statement;

/// <summary><c>await queues[Queue].put(item)</c> under a deadline (see <see cref="EventWaitStatement"/>).</summary>
public sealed record QueuePutStatement(int Queue, string Item, double Timeout, string Via) : Statement;

/// <summary><c>await queues[Queue].get()</c> under a deadline, then <c>task_done()</c> if <c>TaskDone</c> and it got an item.</summary>
public sealed record QueueGetStatement(int Queue, double Timeout, string Via, bool TaskDone) : Statement;

/// <summary><c>await queues[Queue].join()</c> under a deadline.</summary>
public sealed record QueueJoinStatement(int Queue, double Timeout, string Via) : Statement;

/// <summary><c>current_task().uncancel()</c>; logs <c>cancelling()</c> before and what it returned.</summary>
public sealed record UncancelStatement : Statement;

/// <summary><c>current_task().cancel(msg)</c>: the task cancels itself (it is cancelled at its next suspension or return).</summary>
public sealed record CancelSelfStatement(string? Msg) : Statement;
