namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>
/// Each primitives scenario prints exactly what CPython 3.11 printed for its Python script
/// (tests/Conformance/python/NN_*.py, outputs in tests/Conformance/python/expected/).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PrimitiveScenarioTests
{
    private static readonly string ExpectedFolder = Path.Combine(AppContext.BaseDirectory, "Conformance", "python", "expected");

    public static TheoryData<string> Scenarios => [.. PrimitiveScenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_prints_what_CPython_printed(string name)
    {
        var expected = File.ReadAllText(Path.Combine(ExpectedFolder, name + ".out"));
        var actual = ConsoleCapture.Run(PrimitiveScenarios.All.Single(s => s.Name == name).Run);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_primitives_script_has_a_port()
    {
        var expected = Directory.GetFiles(ExpectedFolder, "*.out")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => int.Parse(name![..2], System.Globalization.CultureInfo.InvariantCulture) >= 50)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, PrimitiveScenarios.All.Select(s => s.Name).Order(StringComparer.Ordinal));
    }
}
