namespace EventLoop;

/// <summary>Wording shared by the primitives' misuse errors: who did it.</summary>
internal static class PrimitiveMisuse
{
    /// <summary>"task 'Task-3'", or "code outside any task" in a plain callback or with no loop running.</summary>
    public static string Caller() =>
        Loop.Running?.CurrentTask is { } task ? $"task '{task.Name}'" : "code outside any task";

    /// <summary>", waiters:N" when there are waiters (as CPython's reprs say it), else nothing.</summary>
    public static string Waiters(int count) => count > 0 ? $", waiters:{count}" : string.Empty;
}
