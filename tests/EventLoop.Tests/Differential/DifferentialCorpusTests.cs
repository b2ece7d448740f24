namespace EventLoop.Tests.Differential;

/// <summary>
/// Every program of tests/Differential/corpus prints on the library exactly what it printed on CPython 3.11
/// (NNNN.out, made by run_program.py).
/// </summary>
public sealed class DifferentialCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Differential", "corpus");

    public static TheoryData<string> Programs =>
        [.. Directory.GetFiles(CorpusFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_what_CPython_printed(string name)
    {
        var program = ProgramSpec.Parse(File.ReadAllText(Path.Combine(CorpusFolder, name + ".json")));
        var expected = File.ReadAllText(Path.Combine(CorpusFolder, name + ".out"));
        Assert.Equal(expected, ProgramInterpreter.Run(program));
    }

    [Fact]
    public void The_corpus_has_at_least_500_programs_each_with_its_output()
    {
        var programs = Directory.GetFiles(CorpusFolder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(programs.Count >= 500, $"only {programs.Count} programs in {CorpusFolder}");
        Assert.All(programs, name => Assert.True(File.Exists(Path.Combine(CorpusFolder, name + ".out")), $"{name}.out is missing"));
    }
}
