using System.Globalization;
using CsCheck;

namespace EventLoop.Tests.Differential;

/// <summary>
/// Properties every random program must have on the library (no CPython needed): two runs print byte-identical
/// logs; the run ends with a result or one of the programs' exceptions (no deadlock); no lock or semaphore has more
/// holders than permits; a queue's gets return its puts' items in order; every task completes exactly once
/// and every done callback runs once; the clock never goes backwards; no timer or sleep ends before its deadline;
/// after the run nothing is pending but tasks created during the shutdown (the callbacks of those, and callbacks
/// added during the shutdown, may be dropped when the loop closes, as in CPython, so they run at most once).
/// CI runs a fixed number of cases from fixed seeds; DIFFERENTIAL_CASES and DIFFERENTIAL_FIRST_CASE run others.
/// A failing case is shrunk by CsCheck and printed as a program (JSON): keep it in tests/Differential/regressions.
/// </summary>
public sealed class ProgramPropertyTests
{
    private const int DefaultCases = 2000;
    private const int ShrinkIterations = 100_000;
    private const ulong SeedBase = 0x5EEDD1FFUL;

    [Fact]
    public void Random_programs_are_deterministic_and_keep_the_loop_invariants()
    {
        foreach (var i in Cases())
        {
            try
            {
                ProgramGen.Program.Sample(CheckProgram, seed: Seed(i), iter: 1, threads: 1, print: p => p.ToJson());
            }
            catch (CsCheckException)
            {
                // CsCheck shrinks by looking for simpler failing programs among further random ones: give it many,
                // starting from this case. Its exception names the simplest program found.
                ProgramGen.Program.Sample(CheckProgram, seed: Seed(i), iter: ShrinkIterations, print: p => p.ToJson());
                throw;
            }
        }
    }

    /// <summary>The case numbers to run: DIFFERENTIAL_CASES from DIFFERENTIAL_FIRST_CASE (default 2,000 from 0).</summary>
    public static IEnumerable<int> Cases()
    {
        var first = EnvironmentInt("DIFFERENTIAL_FIRST_CASE", 0);
        return Enumerable.Range(first, EnvironmentInt("DIFFERENTIAL_CASES", DefaultCases));
    }

    /// <summary>
    /// CsCheck's seed of case <paramref name="i"/>. Each case is one seeded iteration, because CsCheck draws the
    /// seeds of further iterations at random; a failure is still shrunk.
    /// </summary>
    public static string Seed(int i) => new PCG((uint)i, SeedBase).ToString();

    [Fact]
    public void The_generator_covers_every_construct()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            ProgramGen.Program.Sample(p => seen.UnionWith(p.AllStatements().Select(s => s.GetType().Name)), seed: Seed(i), iter: 1, threads: 1);
        }

        Assert.Equal(ProgramSpec.StatementTypes.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>All the properties, for one program.</summary>
    internal static void CheckProgram(ProgramSpec program)
    {
        var log = ProgramInterpreter.Run(program);
        Assert.Equal(log, ProgramInterpreter.Run(program));
        Assert.Matches(@"(?m)^run -> (result=|ValueError:|CancelledError:|TimeoutError:|ExceptionGroup:|RuntimeError:)", log);

        var record = ProgramInterpreter.RunRecorded(program, countCompletions: true);
        var createdDuringShutdown = record.Created.Where(c => c.AfterMain).Select(c => c.Task).ToHashSet();
        foreach (var (task, afterMain) in record.Created)
        {
            var completions = record.Completions.GetValueOrDefault(task);
            if (!task.Done)
            {
                Assert.True(afterMain, $"task {task.Name} is pending after the run but was created before main finished");
            }

            // A task created during the shutdown may finish in the loop's last iteration: the callbacks its
            // completion schedules never run, as in CPython (the loop closes).
            Assert.True(task.Done && !afterMain ? completions == 1 : completions <= (task.Done ? 1 : 0),
                $"task {task.Name} ({(task.Done ? "done" : "pending")}) completed {completions} times");
        }

        var fired = record.DoneCallbacksFired.GroupBy(f => f.Label).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (label, task, afterMain) in record.DoneCallbacksAdded)
        {
            var runs = fired.GetValueOrDefault(label);
            var exactlyOnce = task.Done && !afterMain && !createdDuringShutdown.Contains(task);
            Assert.True(exactlyOnce ? runs == 1 : runs <= (task.Done ? 1 : 0),
                $"done callback {label} of {task.Name} ({(task.Done ? "done" : "pending")}) ran {runs} times");
        }

        Assert.All(record.DoneCallbacksFired, f => Assert.Contains(record.DoneCallbacksAdded, a => a.Label == f.Label && a.Task == f.Task));
        for (var i = 1; i < record.Clock.Count; i++)
        {
            Assert.True(record.Clock[i].Time >= record.Clock[i - 1].Time, $"the clock went back at log line {i}");
            Assert.True(record.Clock[i].Iteration >= record.Clock[i - 1].Iteration, $"the iteration went back at log line {i}");
        }

        Assert.All(record.TimersFired, t => Assert.True(t.Now >= t.Deadline,
            $"a call_later callback due at {t.Deadline.ToString("R", CultureInfo.InvariantCulture)} ran at {t.Now.ToString("R", CultureInfo.InvariantCulture)}"));
        Assert.All(record.Sleeps, s => Assert.True(s.End >= s.Start + s.Delay,
            $"sleep({s.Delay}) from {s.Start} returned at {s.End}"));
        // The shutdown cancels and waits for every task pending when main finished; tasks created later (also the
        // ones wait_for creates for a coroutine) may be left pending.
        foreach (var (resource, most) in record.MostHolders)
        {
            var permits = program.Resources![resource].Value;
            Assert.True(most <= permits, $"resource r{resource} ({program.Resources[resource].Kind}) had {most} holders at once, more than its {permits} permit(s)");
        }

        // FIFO: what the gets returned is what the puts stored, in order, none lost, none twice.
        foreach (var (queue, (put, got)) in record.Queues)
        {
            Assert.True(got.Count <= put.Count && got.SequenceEqual(put.Take(got.Count)),
                $"queue q{queue}: got [{string.Join(",", got)}] from puts [{string.Join(",", put)}]");
        }

        Assert.All(record.PendingAtEnd, task => Assert.True(
            !record.PendingWhenMainFinished.Contains(task) && !record.Created.Any(c => c.Task == task && !c.AfterMain),
            $"task {task.Name} is pending after the run but existed before main finished"));
    }

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
