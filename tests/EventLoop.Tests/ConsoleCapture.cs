namespace EventLoop.Tests;

/// <summary>Tests that redirect <see cref="Console.Out"/> share it, so they never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>Runs code with standard output captured.</summary>
public static class ConsoleCapture
{
    public static string Run(Action action)
    {
        var previous = Console.Out;
        var writer = new StringWriter { NewLine = "\n" };
        Console.SetOut(writer);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(previous);
        }

        return writer.ToString();
    }
}
