using Tutorial;

namespace EventLoop.Tests;

/// <summary>Every tutorial port prints exactly what CPython 3.11 printed for the same example (Conformance/expected).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TutorialConformanceTests
{
    public static TheoryData<string> Examples => [.. TutorialExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Port_prints_what_CPython_printed(string name)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "expected", name + ".out"));
        var actual = ConsoleCapture.Run(TutorialExamples.Find(name)!.Run);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_expected_output_has_a_port()
    {
        var expected = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Conformance", "expected"), "*.out")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, TutorialExamples.All.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ports_run_in_the_tutorial_order()
    {
        var names = TutorialExamples.All.Select(e => e.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }
}
