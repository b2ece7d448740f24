using CsCheck;

namespace EventLoop.Tests.Differential;

/// <summary>
/// CsCheck's generator of <see cref="ProgramSpec"/>s, the C# counterpart of tests/Differential/generate.py (same
/// constructs, bounds and validity rules, not the same random stream). CsCheck generates a raw tree in which
/// every reference to a task is just a number; <see cref="Normalize"/> then numbers the spawned bodies depth first
/// and resolves each reference among the tasks the statement may use, dropping a statement that has none. So every
/// generated (and every shrunk) tree is a valid, terminating program.
/// </summary>
public static class ProgramGen
{
    /// <summary>At most this many tasks (main included), as in generate.py.</summary>
    public const int MaxTasks = 8;

    private const int MaxSpawnDepth = 3;
    private const int MaxTryDepth = 2;
    private static readonly double[] Delays = [0, 0.1, 0.25, 0.5, 1, 2];
    private static readonly string[] ExceptKinds = ["ValueError", "CancelledError", "Exception"];
    private static readonly Dictionary<(int, int), Gen<Raw>> Statements = [];

    /// <summary>Valid programs.</summary>
    public static Gen<ProgramSpec> Program { get; } = Body(0).Select(Normalize);

    private static Gen<RawBody> Body(int spawnDepth) =>
        Gen.Select(Statement(spawnDepth, 0).Array[1, 6], Gen.Int[0, 9], (statements, result) => new RawBody(statements, result));

    private static Gen<Raw> Statement(int spawnDepth, int tryDepth)
    {
        lock (Statements)
        {
            if (Statements.TryGetValue((spawnDepth, tryDepth), out var cached))
            {
                return cached;
            }
        }

        var reference = Gen.Int[0, MaxTasks - 1];
        var mostly = Gen.Int[0, 4].Select(i => i > 0);
        var delay = Gen.Int[0, Delays.Length - 1];
        var options = new List<(int, IGen<Raw>)>
        {
            (6, delay.Select(d => (Raw)new RawSleep(d))),
            (1, Gen.Const<Raw>(new RawLog())),
            (3, Gen.Select(reference, mostly, (r, c) => (Raw)new RawAwait(r, c))),
            (2, Gen.Select(reference.Array[1, 3], Gen.Bool, mostly, (r, e, c) => (Raw)new RawGather(r, e, c))),
            (2, Gen.Select(reference, mostly, (r, m) => (Raw)new RawCancel(r, m))),
            (1, Gen.Const<Raw>(new RawRaise())),
            (1, Gen.Const<Raw>(new RawCallSoon())),
            (1, delay.Select(d => (Raw)new RawCallLater(d))),
            (1, reference.Select(r => (Raw)new RawAddDoneCallback(r))),
        };
        if (tryDepth == 0 && spawnDepth < MaxSpawnDepth)
        {
            options.Add((6, Body(spawnDepth + 1).Select(b => (Raw)new RawSpawn(b))));
        }

        if (tryDepth < MaxTryDepth)
        {
            var inner = Statement(spawnDepth, tryDepth + 1);
            options.Add((3, Gen.Select(inner.Array[1, 3], Gen.Int[0, ExceptKinds.Length - 1], inner.Array[0, 2], Gen.Int[0, 9],
                (body, kind, handler, reraise) => (Raw)new RawTry(body, kind, handler, reraise < 3))));
        }

        var gen = Gen.Frequency([.. options]);
        lock (Statements)
        {
            Statements[(spawnDepth, tryDepth)] = gen;
        }

        return gen;
    }

    /// <summary>Numbers the bodies depth first and resolves references (see the class comment).</summary>
    private static ProgramSpec Normalize(RawBody main)
    {
        var normalizer = new Normalizer();
        normalizer.AddBody(main, [], []);
        return new ProgramSpec(ProgramSpec.CurrentFormat, 0, [.. normalizer.Tasks.Select(t => t!)]);
    }

    private sealed class Normalizer
    {
        private int _labels;

        public List<TaskSpec?> Tasks { get; } = [];

        public int AddBody(RawBody body, List<int> known, List<int> ancestors)
        {
            var index = Tasks.Count;
            Tasks.Add(null);
            var statements = Block(body.Statements, index, [.. known], ancestors);
            Tasks[index] = new TaskSpec($"t{index}", index * 10 + body.Result, statements);
            return index;
        }

        private List<Statement> Block(Raw[] raws, int task, List<int> known, List<int> ancestors)
        {
            var block = new List<Statement>();
            foreach (var raw in raws)
            {
                if (Resolve(raw, task, known, ancestors) is { } statement)
                {
                    block.Add(statement);
                }
            }

            return block;
        }

        /// <summary>
        /// A task may await what it knows of except its ancestors: such an await always goes to a task that ends
        /// earlier in a post-order walk of the spawn tree, so awaits cannot form a cycle (generate.py says the same).
        /// </summary>
        private Statement? Resolve(Raw raw, int task, List<int> known, List<int> ancestors)
        {
            var awaitable = known.Where(k => !ancestors.Contains(k)).ToList();
            return raw switch
            {
                RawSleep s => new SleepStatement(Delays[s.Delay]),
                RawLog => new LogStatement(Label("n")),
                RawSpawn s when Tasks.Count < MaxTasks => Spawn(s, task, known, ancestors),
                RawSpawn => null,
                RawAwait s when awaitable.Count > 0 => new AwaitStatement(awaitable[s.Task % awaitable.Count], s.Catch),
                RawGather s when awaitable.Count > 0 =>
                    new GatherStatement([.. s.Tasks.Select(t => awaitable[t % awaitable.Count])], s.ReturnExceptions, s.Catch),
                RawCancel s when known.Count > 0 => new CancelStatement(known[s.Task % known.Count], s.WithMessage ? Label("m") : null),
                RawRaise => new RaiseStatement(Label("e")),
                RawTry s => new TryStatement(Block(s.Body, task, known, ancestors), ExceptKinds[s.Except],
                    Block(s.Handler, task, known, ancestors), s.Reraise),
                RawCallSoon => new CallSoonStatement(Label("c")),
                RawCallLater s => new CallLaterStatement(Delays[s.Delay], Label("c")),
                RawAddDoneCallback s when known.Count > 0 => new AddDoneCallbackStatement(known[s.Task % known.Count], Label("d")),
                _ => null,
            };
        }

        private SpawnStatement Spawn(RawSpawn spawn, int task, List<int> known, List<int> ancestors)
        {
            var child = AddBody(spawn.Body, [.. known, task], [.. ancestors, task]);
            known.Add(child);
            return new SpawnStatement(child);
        }

        private string Label(string prefix) => $"{prefix}{++_labels}";
    }

    private sealed record RawBody(Raw[] Statements, int Result);

    private abstract record Raw;

    private sealed record RawSleep(int Delay) : Raw;

    private sealed record RawLog : Raw;

    private sealed record RawSpawn(RawBody Body) : Raw;

    private sealed record RawAwait(int Task, bool Catch) : Raw;

    private sealed record RawGather(int[] Tasks, bool ReturnExceptions, bool Catch) : Raw;

    private sealed record RawCancel(int Task, bool WithMessage) : Raw;

    private sealed record RawRaise : Raw;

    private sealed record RawTry(Raw[] Body, int Except, Raw[] Handler, bool Reraise) : Raw;

    private sealed record RawCallSoon : Raw;

    private sealed record RawCallLater(int Delay) : Raw;

    private sealed record RawAddDoneCallback(int Task) : Raw;
}
