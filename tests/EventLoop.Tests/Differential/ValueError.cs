namespace EventLoop.Tests.Differential;

/// <summary>The programs' own exception: Python's <c>ValueError(msg)</c>.</summary>
public sealed class ValueError(string message) : Exception(message);
