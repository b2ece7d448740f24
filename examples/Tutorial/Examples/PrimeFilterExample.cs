using System.Collections.ObjectModel;
using System.Globalization;
using EventLoop;

namespace Tutorial.Examples;

/// <summary>
/// 23 "Runnable Example: coroutine_prime_filter_example.py": CPU-bound coroutines that yield with <c>Sleep(0)</c>
/// interleave under <c>Gather</c>; progress lines and countdowns interleave exactly as in CPython; <c>Wait</c>
/// returns done/pending sets. Three separate runs, each followed by its elapsed virtual time.
/// </summary>
public static class PrimeFilterExample
{
    public static void Run()
    {
        Vloop.Run(DemoGather());
        Vloop.PrintElapsed();
        Vloop.Run(DemoConcurrentProgress());
        Vloop.PrintElapsed();
        Vloop.Run(DemoComparison());
        Vloop.PrintElapsed();
    }

    // Example 1: helper functions.
    private static bool IsPrime(int num)
    {
        if (num < 2)
        {
            return false;
        }

        for (var factor = 2; factor <= (int)Math.Sqrt(num); factor++)
        {
            if (num % factor == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A plain (synchronous) generator: Python's <c>yield from range(start, end + 1)</c>.</summary>
    private static IEnumerable<int> NumberRange(int start, int end)
    {
        foreach (var n in Enumerable.Range(start, end - start + 1))
        {
            yield return n;
        }
    }

    // Example 2: concurrent coroutines. Sleep(0) yields to the loop, which lets the other coroutines run.
    private static async Coroutine<ReadOnlyCollection<int>> PrimeFilter(int start, int end)
    {
        var primes = new List<int>();
        foreach (var n in NumberRange(start, end))
        {
            if (IsPrime(n))
            {
                primes.Add(n);
            }

            if (n % 10 == 0)
            {
                await Asyncio.Sleep(0);
            }
        }

        return Py.Tuple(primes);
    }

    private static async Coroutine<List<int>> SquareMapper(int start, int end)
    {
        var squares = new List<int>();
        foreach (var n in NumberRange(start, end))
        {
            squares.Add(n * n);
            if (n % 10 == 0)
            {
                await Asyncio.Sleep(0);
            }
        }

        return squares;
    }

    // Example 3: gather starts all coroutines at once and returns results in argument order.
    private static async Coroutine DemoGather()
    {
        Console.WriteLine("=== asyncio.gather() Demo ===");
        Console.WriteLine("Running prime_filter and square_mapper concurrently...\n");

        var results = await Asyncio.Gather(PrimeFilter(2, 50), SquareMapper(1, 10));
        var (primes, squares) = (results[0], results[1]);

        Console.WriteLine($"Primes (2-50):  {Py.Repr(primes)}");
        Console.WriteLine($"Squares (1-10): {Py.Repr(squares)}");
        Console.WriteLine();
    }

    // Example 4: progress reporting.
    private static async Coroutine<List<int>> PrimeFilterWithProgress(int start, int end)
    {
        var primes = new List<int>();
        var total = end - start + 1;
        var i = 0;
        foreach (var n in NumberRange(start, end))
        {
            if (IsPrime(n))
            {
                primes.Add(n);
            }

            // Report progress every 25%.
            if ((i + 1) % (total / 4) == 0)
            {
                var pct = (double)(i + 1) / total * 100;
                Console.WriteLine($"  Prime filter: {pct.ToString("F0", CultureInfo.InvariantCulture)}% complete ({primes.Count} found)");
                await Asyncio.Sleep(0);
            }

            i++;
        }

        return primes;
    }

    private static async Coroutine<string> Countdown(string name, int n)
    {
        for (var i = n; i > 0; i--)
        {
            Console.WriteLine($"  {name}: {i}");
            await Asyncio.Sleep(0.01);
        }

        return $"{name} done";
    }

    private static async Coroutine DemoConcurrentProgress()
    {
        Console.WriteLine("=== Concurrent Coroutines with Progress ===");

        var results = await Asyncio.Gather(
            PrimeFilterWithProgress(2, 1000),
            Countdown("Timer-A", 5),
            Countdown("Timer-B", 3));

        var (primes, msgA, msgB) = ((List<int>)results[0]!, results[1], results[2]);
        Console.WriteLine($"\nFound {primes.Count} primes between 2 and 1000");
        Console.WriteLine($"Messages: {msgA}, {msgB}");
        Console.WriteLine();
    }

    // Example 5: gather() vs wait().
    private static async Coroutine DemoComparison()
    {
        Console.WriteLine("=== gather() vs wait() ===");
        Console.WriteLine(string.Join('\n',
            "",
            "    asyncio.gather(*coroutines):",
            "      - Returns results in ORDER (same as input)",
            "      - Simple API: results = await gather(a, b, c)",
            "      - Best for: getting all results together",
            "",
            "    asyncio.wait(tasks):",
            "      - Returns (done, pending) sets",
            "      - Results in COMPLETION order (not input order)",
            "      - Supports timeout and FIRST_COMPLETED",
            "      - Best for: processing as tasks complete, timeouts",
            "    "));

        // gather: ordered results
        var results = await Asyncio.Gather(PrimeFilter(2, 30), SquareMapper(1, 5));
        Console.WriteLine($"gather results (ordered): {Py.Repr(results)}");
        Console.WriteLine();

        // wait: done/pending sets
        LoopTask[] tasks =
        [
            Asyncio.CreateTask(PrimeFilter(2, 30)),
            Asyncio.CreateTask(SquareMapper(1, 5)),
        ];
        var (done, pending) = await Asyncio.Wait(tasks);
        Console.WriteLine($"wait: {done.Count} done, {pending.Count} pending");

        // The sets enumerate in task creation order (CPython's iterate in address order, which varies).
        foreach (var task in done)
        {
            Console.WriteLine($"  Result: {Py.Str(task.Result())}");
        }
    }
}
