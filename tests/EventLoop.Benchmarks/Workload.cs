namespace EventLoop.Benchmarks;

/// <summary>One benchmark workload: the same program on every implementation, measured in ops of one kind.</summary>
/// <param name="Name">W1, W2, ... as in the issue; a trailing <c>t</c> marks the same program with tracing on.</param>
/// <param name="N">Ops per run; also what the CPython side runs, so that both sides follow the same schedule.</param>
/// <param name="Op">What one op is.</param>
/// <param name="OnAsyncContext">Whether the workload has an AsyncContext counterpart (it has no virtual time, no primitives).</param>
/// <param name="TargetVsCPython">The speed-up over CPython the issue asks for (0: none, the workload is an extra).</param>
/// <param name="TracedOf">For a traced row: the workload it traces (the same program with an instrument attached).</param>
/// <param name="KeepsEvents">For a traced row: an in-memory <c>TraceRecorder</c> (true) or an instrument that drops every event (false).</param>
/// <param name="SameProgramAs">
/// For a row that writes another row's program another way in C#: that row, whose CPython program it is compared with
/// (the schedule is the same).
/// </param>
internal sealed record Workload(string Name, int N, string Op, bool OnAsyncContext, double TargetVsCPython, string? TracedOf = null,
    bool KeepsEvents = true, string? SameProgramAs = null)
{
    public const int RoundRobinTasks = 1000;

    public const int ChainDepth = 100;

    /// <summary>W5's semaphore: how many tasks may hold it at once.</summary>
    public const int SemaphorePermits = 10;

    /// <summary>W7's queue: how many items it holds at most.</summary>
    public const int QueueMaxsize = 100;

    public static readonly Workload[] All =
    [
        new("W1", 200_000, "Sleep(0) switch", true, 60),
        new("W1b", 200_000, "bare-yield switch", false, 0),
        new("W2", 200_000, "Sleep(0) switch", true, 60),
        new("W3", 50_000, "task", true, 50),
        new("W4", 20_000, "task", false, 100),
        new("W5", 20_000, "task through the semaphore", false, 40),
        new("W6", 1_000_000, "level", true, 6),
        new("W6y", 1_000_000, "level", false, 4),
        new("W7", 100_000, "item through the queue", false, 10),
        new("W3s", 50_000, "task, gathered from a sequence", false, 0, SameProgramAs: "W3"),
        new("W5s", 20_000, "task through the semaphore, gathered from a sequence", false, 0, SameProgramAs: "W5"),
        new("W1t", 200_000, "Sleep(0) switch, traced", false, 0, TracedOf: "W1"),
        new("W3t", 50_000, "task, traced", false, 0, TracedOf: "W3"),
        new("W1d", 200_000, "Sleep(0) switch, events dropped", false, 0, TracedOf: "W1", KeepsEvents: false),
        new("W3d", 50_000, "task, events dropped", false, 0, TracedOf: "W3", KeepsEvents: false),
    ];

    /// <summary>The program the workload runs (a traced row runs the program of the row it traces).</summary>
    public string Program => TracedOf ?? Name;

    /// <summary>The CPython program the row is compared with.</summary>
    public string PythonProgram => SameProgramAs ?? Program;

    /// <summary>Whether the loop has an instrument attached.</summary>
    public bool Traced => TracedOf is not null;

    /// <summary>The instrument a traced row attaches: a fresh recorder, or one that drops every event.</summary>
    public ILoopInstrument? NewInstrument() => TracedOf is null ? null : KeepsEvents ? new TraceRecorder() : new DroppingInstrument();

    public static Workload Get(string name) => Find(name) ?? throw new ArgumentException(Unknown(name), nameof(name));

    /// <summary>The workload named <paramref name="name"/>, or null.</summary>
    public static Workload? Find(string name) => Array.Find(All, w => w.Name == name);

    /// <summary>What to say of a name that is no workload's.</summary>
    public static string Unknown(string name) => $"unknown workload '{name}': expected one of {string.Join(", ", All.Select(w => w.Name))}";
}
