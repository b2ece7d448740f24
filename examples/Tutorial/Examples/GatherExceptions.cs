using EventLoop;

namespace Tutorial.Examples;

/// <summary>
/// 07 "Handling Exceptions in gather()": the first exception goes to the awaiter (the other children are not
/// cancelled, whatever the tutorial's comment says); with <c>returnExceptions</c> it is an element of the results.
/// </summary>
public static class GatherExceptions
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<int> MightFail(int n)
    {
        if (n == 2)
        {
            throw new ArgumentException("Error!");
        }

        return n;
    }

    private static async Coroutine MainAsync()
    {
        // Default: the first exception is raised here (the others keep running)
        try
        {
            var results = await Asyncio.Gather(
                MightFail(1),
                MightFail(2),
                MightFail(3));
        }
        catch (ArgumentException e)
        {
            Console.WriteLine($"Caught: {e.Message}");
        }

        // With returnExceptions: exceptions returned as results
        var all = await Asyncio.Gather(
            returnExceptions: true,
            MightFail(1),
            MightFail(2),
            MightFail(3));
        Console.WriteLine(Py.Repr(all)); // [1, ValueError("Error!"), 3]
    }
}
