using CsCheck;

namespace EventLoop.Tests.Differential;

/// <summary>
/// For tests/Differential/check.sh, skipped unless it sets their variable. One replays every program of the folder
/// named by DIFFERENTIAL_DIR, writes what the library printed as NNNN.cs.out and fails listing every program whose
/// NNNN.out (CPython's) differs. The other writes programs of the C# generator (<see cref="ProgramGen"/>, the cases
/// of <see cref="ProgramPropertyTests"/>) to DIFFERENTIAL_GENERATE_DIR, so that CPython can run them too.
/// </summary>
public sealed class DifferentialFolderTests
{
    public const string Variable = "DIFFERENTIAL_DIR";
    public const string GenerateVariable = "DIFFERENTIAL_GENERATE_DIR";

    [FolderFact(GenerateVariable)]
    public void Write_programs_of_the_CSharp_generator()
    {
        var folder = Environment.GetEnvironmentVariable(GenerateVariable)!;
        Directory.CreateDirectory(folder);
        foreach (var i in ProgramPropertyTests.Cases())
        {
            ProgramGen.Program.Sample(
                p => File.WriteAllText(Path.Combine(folder, $"cs{i:00000}.json"), (p with { Seed = i }).ToJson() + "\n"),
                seed: ProgramPropertyTests.Seed(i), iter: 1, threads: 1);
        }
    }

    [FolderFact(Variable)]
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

    /// <summary>A fact that runs only when an environment variable names a folder.</summary>
    private sealed class FolderFactAttribute : FactAttribute
    {
        public FolderFactAttribute(string variable)
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
            {
                Skip = $"set {variable} to a folder (tests/Differential/check.sh does)";
            }
        }
    }
}
