using EventLoop;

namespace Tutorial.Examples;

/// <summary>01 "Coroutines": calling an async method only builds a coroutine object; nothing runs until it is awaited.</summary>
public static class CoroutineObject
{
    public static void Run()
    {
        using var caught = Warnings.Catch();

        // Calling creates a coroutine object (doesn't run it)
        var coro = MyCoroutine();
        Console.WriteLine(Py.TypeRepr(coro)); // <class 'coroutine'>

        // Must run it
        var result = Vloop.Run(MyCoroutine());

        // oracle: `coro` was never awaited, which the loop reports when it closes
        foreach (var warning in caught)
        {
            Console.WriteLine($"oracle: {warning.Category}: {Py.Names(warning.Message)}");
        }

        Console.WriteLine($"oracle: result={Py.Repr(result)}");
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> MyCoroutine()
    {
        await Asyncio.Sleep(1);
        return "result";
    }
}
