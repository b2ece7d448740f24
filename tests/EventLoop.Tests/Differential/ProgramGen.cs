using CsCheck;

namespace EventLoop.Tests.Differential;

/// <summary>
/// CsCheck's generator of <see cref="ProgramSpec"/>s, the C# counterpart of tests/Differential/generate.py (every
/// construct, as in its rich profile; the small profile's bounds; the same validity rules; not the same random
/// stream). CsCheck generates a raw tree in which every reference to a task, resource, event or queue is just a number; <see cref="Normalize"/> then numbers the spawned bodies depth first
/// and resolves each reference among the tasks the statement may use, dropping a statement that has none. So every
/// generated (and every shrunk) tree is a valid, terminating program.
/// </summary>
public static class ProgramGen
{
    /// <summary>At most this many tasks (main included), as in generate.py.</summary>
    public const int MaxTasks = 8;

    private const int MaxSpawnDepth = 3;
    /// <summary>How deep try, timeout, acquire and task group blocks nest.</summary>
    private const int MaxTryDepth = 2;
    private static readonly double[] Delays = [0, 0.1, 0.25, 0.5, 1, 2];
    private static readonly string[] ExceptKinds = ["ValueError", "CancelledError", "Exception"];
    private static readonly string[] ResourceKinds = ["lock", "semaphore", "bounded_semaphore"];
    private static readonly string[] ReturnWhens = ["ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"];
    private static readonly string[] Guards = ["timeout", "wait_for"];
    private static readonly Dictionary<(int, int), Gen<Raw>> Statements = [];

    /// <summary>Valid programs.</summary>
    public static Gen<ProgramSpec> Program { get; } = Gen.Select(
        Body(0),
        Gen.Select(Gen.Int[0, ResourceKinds.Length - 1], Gen.Int[1, 2], (kind, value) => new ResourceSpec(ResourceKinds[kind], kind == 0 ? 1 : value)).Array[1, 3],
        Gen.Int[1, 2],
        Gen.Int[0, 2].Array[1, 2],
        (main, resources, events, queues) => Normalize(main, resources, events, queues));

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
            (2, Gen.Select(reference.Array[1, 3], Gen.Int[-1, Delays.Length - 1], Gen.Int[0, ReturnWhens.Length - 1], (r, t, w) => (Raw)new RawWait(r, t, w))),
            (2, Gen.Select(reference, delay, mostly, (r, d, c) => (Raw)new RawWaitFor(r, d, c))),
            (1, Gen.Select(reference, mostly, (r, c) => (Raw)new RawShield(r, c))),
            (1, Gen.Int[0, 2].Select(e => (Raw)new RawEventSet(e))),
            (1, Gen.Int[0, 2].Select(e => (Raw)new RawEventClear(e))),
            (2, Gen.Select(Gen.Int[0, 2], delay, Gen.Bool, (e, d, v) => (Raw)new RawEventWait(e, d, v))),
            (2, Gen.Select(Gen.Int[0, 2], delay, Gen.Bool, (q, d, v) => (Raw)new RawQueuePut(q, d, v))),
            (2, Gen.Select(Gen.Int[0, 2], delay, Gen.Bool, mostly, (q, d, v, t) => (Raw)new RawQueueGet(q, d, v, t))),
            (1, Gen.Select(Gen.Int[0, 2], delay, Gen.Bool, (q, d, v) => (Raw)new RawQueueJoin(q, d, v))),
            (1, Gen.Const<Raw>(new RawUncancel())),
            (1, Gen.Bool.Select(m => (Raw)new RawCancelSelf(m))),
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
            options.Add((2, Gen.Select(Gen.Int[-1, Delays.Length - 1], inner.Array[1, 3], (d, body) => (Raw)new RawTimeout(d, body))));
            options.Add((3, Gen.Select(Gen.Int[0, 2], inner.Array[1, 3], (r, body) => (Raw)new RawAcquire(r, body))));
            var member = spawnDepth < MaxSpawnDepth
                ? Gen.Frequency((3, inner), (3, Body(spawnDepth + 1).Select(b => (Raw)new RawGroupSpawn(b))))
                : inner;
            options.Add((2, Gen.Select(member.Array[1, 4], mostly, (body, c) => (Raw)new RawTaskGroup(body, c))));
        }

        var gen = Gen.Frequency([.. options]);
        lock (Statements)
        {
            Statements[(spawnDepth, tryDepth)] = gen;
        }

        return gen;
    }

    /// <summary>Numbers the bodies depth first and resolves references (see the class comment).</summary>
    private static ProgramSpec Normalize(RawBody main, ResourceSpec[] resources, int events, int[] queues)
    {
        var normalizer = new Normalizer(resources.Length, events, queues.Length);
        normalizer.AddBody(main, [], []);
        return new ProgramSpec(ProgramSpec.CurrentFormat, 0, [.. normalizer.Tasks.Select(t => t!)], resources, events, queues);
    }

    /// <summary>
    /// Resolves references as generate.py's rules say. Besides the await rule: resources (locks, semaphores) are
    /// acquired in index order, and a task holding one never waits for another task without a deadline (no await,
    /// gather, wait, wait_for, shield or task group), so every holder releases; waits on events and queues always
    /// have a deadline. Tasks a task group creates are known inside its block only.
    /// </summary>
    private sealed class Normalizer(int resources, int events, int queues)
    {
        private int _labels;

        public List<TaskSpec?> Tasks { get; } = [];

        public int AddBody(RawBody body, List<int> known, List<int> ancestors)
        {
            var index = Tasks.Count;
            Tasks.Add(null);
            var statements = Block(body.Statements, index, [.. known], ancestors, -1, false);
            Tasks[index] = new TaskSpec($"t{index}", index * 10 + body.Result, statements);
            return index;
        }

        private List<Statement> Block(Raw[] raws, int task, List<int> known, List<int> ancestors, int held, bool group)
        {
            var block = new List<Statement>();
            foreach (var raw in raws)
            {
                if (Resolve(raw, task, known, ancestors, held, group) is { } statement)
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
        private Statement? Resolve(Raw raw, int task, List<int> known, List<int> ancestors, int held, bool group)
        {
            var awaitable = held < 0 ? known.Where(k => !ancestors.Contains(k)).ToList() : [];
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
                RawTry s => new TryStatement(Block(s.Body, task, known, ancestors, held, false), ExceptKinds[s.Except],
                    Block(s.Handler, task, known, ancestors, held, false), s.Reraise),
                RawCallSoon => new CallSoonStatement(Label("c")),
                RawCallLater s => new CallLaterStatement(Delays[s.Delay], Label("c")),
                RawAddDoneCallback s when known.Count > 0 => new AddDoneCallbackStatement(known[s.Task % known.Count], Label("d")),
                RawWait s when awaitable.Count > 0 => new WaitStatement([.. s.Tasks.Select(t => awaitable[t % awaitable.Count]).Distinct()],
                    s.Timeout < 0 ? null : Delays[s.Timeout], ReturnWhens[s.ReturnWhen]),
                RawWaitFor s when awaitable.Count > 0 => new WaitForStatement(awaitable[s.Task % awaitable.Count], Delays[s.Timeout], s.Catch),
                RawShield s when awaitable.Count > 0 => new ShieldStatement(awaitable[s.Task % awaitable.Count], s.Catch),
                RawTimeout s => new TimeoutStatement(s.Delay < 0 ? null : Delays[s.Delay], Block(s.Body, task, known, ancestors, held, false)),
                RawTaskGroup s when held < 0 => new TaskGroupStatement(Block(s.Body, task, [.. known], ancestors, held, true), s.Catch),
                RawGroupSpawn s when group && Tasks.Count < MaxTasks => new GroupSpawnStatement(Spawn(new RawSpawn(s.Body), task, known, ancestors).Task),
                RawAcquire s when held < resources - 1 => Acquire(s, task, known, ancestors, held),
                RawEventSet s => new EventSetStatement(s.Event % events),
                RawEventClear s => new EventClearStatement(s.Event % events),
                RawEventWait s => new EventWaitStatement(s.Event % events, Delays[s.Timeout], Guard(s.ViaWaitFor)),
                RawQueuePut s => new QueuePutStatement(s.Queue % queues, Label("i"), Delays[s.Timeout], Guard(s.ViaWaitFor)),
                RawQueueGet s => new QueueGetStatement(s.Queue % queues, Delays[s.Timeout], Guard(s.ViaWaitFor), s.TaskDone),
                RawQueueJoin s => new QueueJoinStatement(s.Queue % queues, Delays[s.Timeout], Guard(s.ViaWaitFor)),
                RawUncancel => new UncancelStatement(),
                RawCancelSelf s => new CancelSelfStatement(s.WithMessage ? Label("m") : null),
                _ => null,
            };
        }

        private static string Guard(bool viaWaitFor) => Guards[viaWaitFor ? 1 : 0];

        /// <summary>Only a resource after the ones held: all tasks acquire in index order, so no two wait for each other.</summary>
        private AcquireStatement Acquire(RawAcquire acquire, int task, List<int> known, List<int> ancestors, int held)
        {
            var resource = held + 1 + (acquire.Resource % (resources - 1 - held));
            return new AcquireStatement(resource, Block(acquire.Body, task, known, ancestors, resource, false));
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

    private sealed record RawWait(int[] Tasks, int Timeout, int ReturnWhen) : Raw;

    private sealed record RawWaitFor(int Task, int Timeout, bool Catch) : Raw;

    private sealed record RawShield(int Task, bool Catch) : Raw;

    private sealed record RawTimeout(int Delay, Raw[] Body) : Raw;

    private sealed record RawTaskGroup(Raw[] Body, bool Catch) : Raw;

    private sealed record RawGroupSpawn(RawBody Body) : Raw;

    private sealed record RawAcquire(int Resource, Raw[] Body) : Raw;

    private sealed record RawEventSet(int Event) : Raw;

    private sealed record RawEventClear(int Event) : Raw;

    private sealed record RawEventWait(int Event, int Timeout, bool ViaWaitFor) : Raw;

    private sealed record RawQueuePut(int Queue, int Timeout, bool ViaWaitFor) : Raw;

    private sealed record RawQueueGet(int Queue, int Timeout, bool ViaWaitFor, bool TaskDone) : Raw;

    private sealed record RawQueueJoin(int Queue, int Timeout, bool ViaWaitFor) : Raw;

    private sealed record RawUncancel : Raw;

    private sealed record RawCancelSelf(bool WithMessage) : Raw;
}
