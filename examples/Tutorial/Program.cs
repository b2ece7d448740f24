using EventLoop;
using Tutorial;

// Replays the asyncio tutorial's examples on the EventLoop library. With a name, only that example runs and its
// output is exactly CPython's; with none, every example runs in order, each under a heading. Options after the
// name turn the program into a viewer of what the loop did (see Viewer.Usage).
if (args.Length == 0)
{
    foreach (var example in TutorialExamples.All)
    {
        Console.WriteLine($"===== {example.Name} =====");
        example.Run();
        Console.WriteLine();
    }

    return 0;
}

if (args[0] == "--list")
{
    foreach (var example in TutorialExamples.All)
    {
        Console.WriteLine(example.Name);
    }

    return 0;
}

if (TutorialExamples.Find(args[0]) is not { } chosen)
{
    Console.Error.WriteLine($"unknown example '{args[0]}'; the examples are:");
    foreach (var example in TutorialExamples.All)
    {
        Console.Error.WriteLine($"  {example.Name}");
    }

    return 2;
}

if (args.Length == 1)
{
    chosen.Run();
    return 0;
}

return Viewer.Run(chosen, args[1..]);
