namespace EventLoop;

/// <summary>A warning about a likely mistake (Python's <c>RuntimeWarning</c>), such as a coroutine never awaited.</summary>
/// <param name="Message">What happened, in CPython's words, e.g. <c>coroutine 'Fetch' was never awaited</c>.</param>
/// <param name="Subject">The name of the coroutine or task concerned.</param>
public sealed record RuntimeWarning(string Message, string Subject)
{
    /// <summary>The warning's category, as Python prints it.</summary>
    public string Category => nameof(RuntimeWarning);

    /// <summary><c>RuntimeWarning: message</c>.</summary>
    public override string ToString() => $"{Category}: {Message}";
}
