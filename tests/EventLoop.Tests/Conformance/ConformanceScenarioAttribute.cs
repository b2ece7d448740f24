namespace EventLoop.Tests.Conformance;

/// <summary>
/// Marks a static <c>void Run()</c> method as the C# port of the scenario <c>tests/Conformance/python/NAME.py</c>; it
/// must print exactly <c>tests/Conformance/python/expected/NAME.out</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceScenarioAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
