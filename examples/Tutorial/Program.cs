using Tutorial;

// Replays the asyncio tutorial's examples on the EventLoop library. With a name, only that example runs and its
// output is exactly CPython's; with none, every example runs in order, each under a heading.
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

if (TutorialExamples.Find(args[0]) is not { } chosen)
{
    Console.Error.WriteLine($"unknown example '{args[0]}'; the examples are:");
    foreach (var example in TutorialExamples.All)
    {
        Console.Error.WriteLine($"  {example.Name}");
    }

    return 2;
}

chosen.Run();
return 0;
