namespace EventLoop.Benchmarks;

/// <summary>The workloads on the EventLoop library (virtual clock), written as a user would.</summary>
internal static class LibraryWorkloads
{
    /// <summary>Builds the workload's main coroutine (lazy: nothing runs yet; W4's random delays are drawn here).</summary>
    public static Coroutine Prepare(string name, int n) => name switch
    {
        "W1" => Yielder(n),
        "W1b" => BareYielder(n),
        "W2" => RoundRobin(n),
        "W3" => Spawn(n),
        "W3s" => SpawnFromSequence(n),
        "W4" => TimersOf(Delays(n)),
        "W5" => Semaphore(n),
        "W5s" => SemaphoreFromSequence(n),
        "W6" => Chains(n, yieldAtLeaf: false),
        "W6y" => Chains(n, yieldAtLeaf: true),
        "W7" => Queue(n),
        _ => throw new ArgumentException($"workload '{name}' has no library version", nameof(name)),
    };

    /// <summary>
    /// Builds <paramref name="workload"/>'s main coroutine for <paramref name="n"/> ops (untimed) and returns its run on a
    /// fresh loop, with the workload's instrument if it has one: what a timed measurement times.
    /// </summary>
    public static Action Prepare(Workload workload, int n)
    {
        var main = Prepare(workload.Program, n);
        return () => Run(main, workload.NewInstrument());
    }

    /// <summary>
    /// Runs a prepared main coroutine on a fresh loop (with <paramref name="instrument"/> attached, if any); returns
    /// the loop's iteration and callback counts.
    /// </summary>
    public static (long Iterations, long Callbacks) Run(Coroutine main, ILoopInstrument? instrument = null)
    {
        using var loop = new Loop();
        if (instrument is not null)
        {
            loop.AddInstrument(instrument);
        }

        loop.RunUntilComplete(main);
        return (loop.Iteration, loop.CallbacksRun);
    }

    /// <summary>The children W3 or W4 gathers: N trivial coroutines, or N sleepers of W4's delays.</summary>
    public static Coroutine<int>[] Children(string name, int n) => name switch
    {
        "W3" => [.. Enumerable.Range(0, n).Select(_ => Trivial())],
        "W4" => [.. Delays(n).Select(Sleeper)],
        _ => throw new ArgumentException($"workload '{name}' has no children to count", nameof(name)),
    };

    /// <summary>W4's delays: uniform in [0, 1) from a seeded generator, so every run has the same timers.</summary>
    public static double[] Delays(int n)
    {
        var random = new Random(42);
        var delays = new double[n];
        for (var i = 0; i < n; i++)
        {
            delays[i] = random.NextDouble();
        }

        return delays;
    }

    private static async Coroutine Yielder(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Asyncio.Sleep(0);
        }
    }

    private static async Coroutine BareYielder(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Asyncio.Yield();
        }
    }

    private static async Coroutine<int> Worker(int switches)
    {
        for (var i = 0; i < switches; i++)
        {
            await Asyncio.Sleep(0);
        }

        return 0;
    }

    private static async Coroutine RoundRobin(int n)
    {
        var workers = new Coroutine<int>[Workload.RoundRobinTasks];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Worker(n / Workload.RoundRobinTasks);
        }

        await Asyncio.Gather(workers);
    }

#pragma warning disable CS1998 // The trivial coroutine is the point: it completes in its task's first step.
    private static async Coroutine<int> Trivial() => 0;
#pragma warning restore CS1998

    private static async Coroutine Spawn(int n)
    {
        var children = new Coroutine<int>[n];
        for (var i = 0; i < n; i++)
        {
            children[i] = Trivial();
        }

        await Asyncio.Gather(children);
    }

    /// <summary>
    /// W3 as a program that keeps no array of its own: <c>Gather</c> is given a sequence. A program's array of more
    /// than about 10,600 coroutines is on the large-object heap, where it keeps them alive until a gen2 collection.
    /// </summary>
    private static async Coroutine SpawnFromSequence(int n) => await Asyncio.Gather(Enumerable.Range(0, n).Select(_ => Trivial()));

    private static async Coroutine<int> Sleeper(double delay)
    {
        await Asyncio.Sleep(delay);
        return 0;
    }

    /// <summary>W4's main coroutine for given delays.</summary>
    public static async Coroutine TimersOf(double[] delays)
    {
        var sleepers = new Coroutine<int>[delays.Length];
        for (var i = 0; i < delays.Length; i++)
        {
            sleepers[i] = Sleeper(delays[i]);
        }

        await Asyncio.Gather(sleepers);
    }

    private static async Coroutine<int> Chain(int depth) => depth == 0 ? 0 : await Chain(depth - 1);

    private static async Coroutine<int> ChainYield(int depth)
    {
        if (depth == 0)
        {
            await Asyncio.Sleep(0);
            return 0;
        }

        return await ChainYield(depth - 1);
    }

    private static async Coroutine Chains(int n, bool yieldAtLeaf)
    {
        for (var i = 0; i < n / Workload.ChainDepth; i++)
        {
            if (yieldAtLeaf)
            {
                await ChainYield(Workload.ChainDepth - 1);
            }
            else
            {
                await Chain(Workload.ChainDepth - 1);
            }
        }
    }

    private static async Coroutine<int> SemaphoreWorker(AsyncSemaphore semaphore)
    {
        using (await semaphore.Acquire())
        {
            await Asyncio.Sleep(0);
        }

        return 0;
    }

    private static async Coroutine Semaphore(int n)
    {
        var semaphore = new AsyncSemaphore(Workload.SemaphorePermits);
        var workers = new Coroutine<int>[n];
        for (var i = 0; i < n; i++)
        {
            workers[i] = SemaphoreWorker(semaphore);
        }

        await Asyncio.Gather(workers);
    }

    /// <summary>W5 given to <c>Gather</c> as a sequence (see <see cref="SpawnFromSequence"/>).</summary>
    private static async Coroutine SemaphoreFromSequence(int n)
    {
        var semaphore = new AsyncSemaphore(Workload.SemaphorePermits);
        await Asyncio.Gather(Enumerable.Range(0, n).Select(_ => SemaphoreWorker(semaphore)));
    }

    private static async Coroutine<int> Producer(AsyncQueue<int> queue, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await queue.Put(i);
        }

        return 0;
    }

    private static async Coroutine<int> Consumer(AsyncQueue<int> queue, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await queue.Get();
        }

        return 0;
    }

    private static async Coroutine Queue(int n)
    {
        var queue = new AsyncQueue<int>(maxsize: Workload.QueueMaxsize);
        await Asyncio.Gather(Producer(queue, n), Consumer(queue, n));
    }
}
