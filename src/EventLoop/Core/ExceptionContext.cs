namespace EventLoop;

/// <summary>
/// What the loop hands its exception handler (asyncio's context dict): a message, the exception if any, and the
/// task, future or callback involved.
/// </summary>
/// <param name="Message">What went wrong, e.g. <c>Exception in callback on_done</c>.</param>
/// <param name="Exception">The exception, when there is one.</param>
/// <param name="Source">The task, future or <see cref="Handle"/> involved, when there is one.</param>
public sealed record ExceptionContext(string Message, Exception? Exception = null, object? Source = null);
