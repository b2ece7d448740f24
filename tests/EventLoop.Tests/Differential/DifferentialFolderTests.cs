namespace EventLoop.Tests.Differential;

/// <summary>
/// For tests/Differential/check.sh: replays every program of the folder named by DIFFERENTIAL_DIR, writes what the
/// library printed as NNNN.cs.out and fails listing every program whose NNNN.out (CPython's) differs. Skipped when
/// the variable is not set.
/// </summary>
public sealed class DifferentialFolderTests
{
    public const string Variable = "DIFFERENTIAL_DIR";

    [FolderFact]
    public void Every_program_of_the_folder_prints_what_CPython_printed()
    {
        var folder = Environment.GetEnvironmentVariable(Variable)!;
        var disagreements = new List<string>();
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var stem = Path.ChangeExtension(file, null);
            string actual;
            try
            {
                actual = ProgramInterpreter.Run(ProgramSpec.Parse(File.ReadAllText(file)));
            }
            catch (Exception exception)
            {
                actual = $"interpreter crashed: {exception}\n";
            }

            File.WriteAllText(stem + ".cs.out", actual);
            if (File.ReadAllText(stem + ".out") != actual)
            {
                disagreements.Add(Path.GetFileName(file));
            }
        }

        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} of {files.Count} programs disagree with CPython: {string.Join(" ", disagreements)}");
    }

    /// <summary>A fact that runs only when <see cref="Variable"/> names a folder.</summary>
    private sealed class FolderFactAttribute : FactAttribute
    {
        public FolderFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            {
                Skip = $"set {Variable} to a folder of programs (tests/Differential/check.sh does)";
            }
        }
    }
}
