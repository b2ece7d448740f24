namespace EventLoop;

/// <summary>
/// The details of a coroutine's state changes in a trace (<c>Fetch: Created -> Running</c>), made once per
/// coroutine name and reused: a traced task switch changes states about six times, and formatting each anew was
/// most of what tracing cost.
/// </summary>
internal sealed class StateChangeTexts(string name)
{
    private const int States = 4;

    private readonly string?[] _texts = new string?[States * States];

    /// <summary>The text for one change, as <c>$"{name}: {from} -> {to}"</c> would format it.</summary>
    public string Get(CoroutineState from, CoroutineState to)
    {
        var index = ((int)from * States) + (int)to;
        return (uint)index < (uint)_texts.Length
            ? _texts[index] ??= Format(name, from, to)
            : Format(name, from, to);
    }

    public static string Format(string name, CoroutineState from, CoroutineState to) => $"{name}: {from} -> {to}";
}
