namespace EventLoop;

/// <summary>
/// Where <see cref="RuntimeWarning"/>s go: to standard error, or to the innermost <see cref="Catch"/> of the thread
/// (Python's <c>warnings.catch_warnings(record=True)</c>).
/// </summary>
public static class Warnings
{
    [ThreadStatic] private static WarningRecorder? t_recorder;

    /// <summary>Records the warnings of this thread until the recorder is disposed, instead of printing them.</summary>
    public static WarningRecorder Catch() => t_recorder = new WarningRecorder(t_recorder);

    /// <summary>Issues a warning: recorded by the innermost <see cref="Catch"/>, else written to standard error.</summary>
    public static void Warn(RuntimeWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (t_recorder is { } recorder)
        {
            recorder.Record(warning);
        }
        else
        {
            Console.Error.WriteLine(warning);
        }
    }

    internal static void Restore(WarningRecorder recorder, WarningRecorder? outer)
    {
        if (t_recorder == recorder)
        {
            t_recorder = outer;
        }
    }
}
