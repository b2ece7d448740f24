using EventLoop;

namespace Tutorial.Examples;

/// <summary>14 "Task Properties": name, done, cancelled and result before and after.</summary>
public static class TaskProperties
{
    public static void Run()
    {
        Vloop.Run(MainAsync());
        Vloop.PrintElapsed();
    }

    private static async Coroutine<string> Fetch(string url)
    {
        await Asyncio.Sleep(1);
        return $"Data from {url}";
    }

    private static async Coroutine MainAsync()
    {
        var task = Asyncio.CreateTask(Fetch("url"), name: "my_fetch");

        Console.WriteLine(task.Name);                // "my_fetch"
        Console.WriteLine(Py.Repr(task.Done));       // False
        Console.WriteLine(Py.Repr(task.Cancelled));  // False

        await task;

        Console.WriteLine(Py.Repr(task.Done));       // True
        Console.WriteLine(task.Result());            // "Data from url"
    }
}
