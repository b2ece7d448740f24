using System.Diagnostics;

namespace EventLoop.Benchmarks;

/// <summary>
/// The scaling of .NET's GC alone for W4's pattern, without the loop: each of N "tasks" allocates a chain of objects
/// as big as what a sleeping W4 task holds, all of them stay alive until every task exists, then they are released in
/// the order W4's timers fire (the same seeded delays). Whatever this costs per task at 10^6 over 10^3, no code that
/// keeps that much memory per pending task can scale better on this runtime and machine. Runs back to back, as
/// <see cref="Sample"/> measures the library: collecting one run's garbage is part of the runs that follow.
/// </summary>
internal static class SurvivorBaseline
{
    /// <summary>The size of each object of a chain (about the library's typical object).</summary>
    public const int ObjectSize = 64;

    public static double Time(int n, int objectsPerTask, TimeSpan minimum)
    {
        var order = ReleaseOrder(n);
        var elapsed = TimeSpan.Zero;
        long ops = 0;
        Sample.CollectGarbage();
        while (elapsed < minimum)
        {
            var start = Stopwatch.GetTimestamp();
            var tasks = new Link?[n];
            for (var i = 0; i < n; i++)
            {
                Link? chain = null;
                for (var k = 0; k < objectsPerTask; k++)
                {
                    chain = new Link(chain);
                }

                tasks[i] = chain;
            }

            foreach (var i in order)
            {
                tasks[i] = null;
            }

            elapsed += Stopwatch.GetElapsedTime(start);
            ops += n;
        }

        return elapsed.TotalNanoseconds / ops;
    }

    /// <summary>The task indices in the order W4's timers fire: by delay, ties by index.</summary>
    private static int[] ReleaseOrder(int n)
    {
        var delays = LibraryWorkloads.Delays(n);
        return [.. Enumerable.Range(0, n).OrderBy(i => delays[i]).ThenBy(i => i)];
    }

    /// <summary>One object of a chain: a reference and padding up to <see cref="ObjectSize"/> (16 B header, 8 B link, 40 B).</summary>
    private sealed class Link(Link? next)
    {
        public readonly Link? Next = next;
#pragma warning disable CS0169, IDE0051 // Padding: the fields exist to give the object its size.
        private readonly long _a, _b, _c, _d, _e;
#pragma warning restore CS0169, IDE0051
    }
}
