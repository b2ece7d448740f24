using System.Runtime.CompilerServices;

namespace EventLoop;

/// <summary>
/// The details of a coroutine's state changes in a trace (<c>Fetch: Created -> Running</c>), made once per
/// coroutine name and reused: a traced task switch changes states about six times, and formatting each anew was
/// most of what tracing cost.
/// </summary>
internal sealed class StateChangeTexts(string name)
{
    private const int States = 4;

    // Every change at once (sixteen short strings), when a trace first asks: a lookup then has no test for a text not
    // made yet, and stays small enough for the JIT to inline at each state change of a traced step. Made on demand
    // so that a program never traced formats none.
    private string[]? _texts;

    /// <summary>The text for one change, as <c>$"{name}: {from} -> {to}"</c> would format it.</summary>
    public string Get(CoroutineState from, CoroutineState to) => (_texts ?? MakeTexts())[((int)from * States) + (int)to];

    public static string Format(string name, CoroutineState from, CoroutineState to) => $"{name}: {from} -> {to}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string[] MakeTexts() => _texts =
        [.. Enumerable.Range(0, States * States).Select(i => Format(name, (CoroutineState)(i / States), (CoroutineState)(i % States)))];
}
