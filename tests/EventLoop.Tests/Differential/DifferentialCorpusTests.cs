namespace EventLoop.Tests.Differential;

/// <summary>
/// Every program of tests/Differential/corpus (generated from seeds) and tests/Differential/regressions (programs
/// that once failed a check, kept by hand) prints on the library exactly what it printed on CPython 3.11 (its .out,
/// made by run_program.py); the regressions also keep the properties of <see cref="ProgramPropertyTests"/>.
/// </summary>
public sealed class DifferentialCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Differential", "corpus");
    private static readonly string RegressionsFolder = Path.Combine(AppContext.BaseDirectory, "Differential", "regressions");

    public static TheoryData<string> Programs => [.. Stems(CorpusFolder).Concat(Stems(RegressionsFolder))];

    public static TheoryData<string> Regressions => [.. Stems(RegressionsFolder)];

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_what_CPython_printed(string path)
    {
        var program = ProgramSpec.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, path + ".json")));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, path + ".out"));
        Assert.Equal(expected, ProgramInterpreter.Run(program));
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Regression_keeps_the_properties(string path) =>
        ProgramPropertyTests.CheckProgram(ProgramSpec.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, path + ".json"))));

    [Fact]
    public void The_corpus_has_at_least_500_programs_each_with_its_output()
    {
        var programs = Directory.GetFiles(CorpusFolder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(programs.Count >= 500, $"only {programs.Count} programs in {CorpusFolder}");
        Assert.All(programs, name => Assert.True(File.Exists(Path.Combine(CorpusFolder, name + ".out")), $"{name}.out is missing"));
    }

    [Fact]
    public void The_corpus_uses_every_construct()
    {
        var used = Directory.GetFiles(CorpusFolder, "*.json")
            .SelectMany(file => ProgramSpec.Parse(File.ReadAllText(file)).AllStatements())
            .Select(s => s.GetType().Name)
            .Distinct();
        Assert.Equal(ProgramSpec.StatementTypes.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    /// <summary>The programs of a folder as paths relative to the test binaries, without extension (readable test names).</summary>
    private static IEnumerable<string> Stems(string folder) =>
        Directory.GetFiles(folder, "*.json")
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, Path.ChangeExtension(f, null)).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
