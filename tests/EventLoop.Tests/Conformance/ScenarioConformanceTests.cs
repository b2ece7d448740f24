using System.Reflection;

namespace EventLoop.Tests.Conformance;

/// <summary>
/// Every scenario of tests/Conformance/python has a C# port here that prints exactly what CPython 3.11 printed
/// (the expected files are copied into the test output as ConformanceScenarios/expected).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScenarioConformanceTests
{
    private static readonly string ExpectedFolder = Path.Combine(AppContext.BaseDirectory, "ConformanceScenarios", "expected");

    private static readonly Dictionary<string, Action> Ports = typeof(ScenarioConformanceTests).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<ConformanceScenarioAttribute>()))
        .Where(p => p.Attribute is not null)
        .ToDictionary(p => p.Attribute!.Name, p => p.Method.CreateDelegate<Action>());

    public static TheoryData<string> Scenarios => [.. Ports.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Port_prints_what_CPython_printed(string name)
    {
        var expected = File.ReadAllText(Path.Combine(ExpectedFolder, name + ".out"));
        var previousError = Console.Error;
        var error = new StringWriter { NewLine = "\n" };
        Console.SetError(error);
        string actual;
        try
        {
            actual = ConsoleCapture.Run(Ports[name]);
        }
        finally
        {
            Console.SetError(previousError);
        }

        Assert.Equal(expected, actual);

        // CPython wrote nothing to stderr (regen.sh refuses that): no unretrieved exception, no warning here either.
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Every_scenario_has_a_port()
    {
        var expected = Directory.GetFiles(ExpectedFolder, "*.out").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Ports.Keys.Order(StringComparer.Ordinal));
    }
}
