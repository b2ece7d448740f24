using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventLoop.Tests.Differential;

/// <summary>
/// A random asyncio program as data (the JSON of tests/Differential/generate.py): task bodies made of statements.
/// Body 0 is main; body i runs in task <c>Tasks[i].Name</c>, spawned by one <see cref="SpawnStatement"/>.
/// </summary>
public sealed record ProgramSpec(int Format, long Seed, IReadOnlyList<TaskSpec> Tasks)
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
        statements.SelectMany(s => s is TryStatement t ? Flatten(t.Body.Concat(t.Handler)).Prepend(s) : [s]);
}

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
