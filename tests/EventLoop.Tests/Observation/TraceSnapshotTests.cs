using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Tutorial;

namespace EventLoop.Tests.Observation;

/// <summary>
/// The trace of every tutorial port, snapshot-tested: a port added later gets a test here automatically, which
/// fails (leaving a <c>.received.txt</c> beside this file) until its trace is read, checked and approved by
/// renaming it to <c>.approved.txt</c>.
/// </summary>
[Collection(ConsoleCollection.Name)]
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class TraceSnapshotTests
{
    public static TheoryData<string> Examples => [.. TutorialExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Trace_of_tutorial_example(string name)
    {
        var trace = "";
        ConsoleCapture.Run(() => trace = TraceCapture.Run(TutorialExamples.Find(name)!.Run));
        using (ApprovalResults.ForScenario(name))
        {
            Approvals.Verify(trace);
        }
    }

    [Fact]
    public void Traces_are_identical_from_run_to_run()
    {
        foreach (var example in TutorialExamples.All)
        {
            string Trace() => ConsoleCapture.Run(() => Console.Write(TraceCapture.Run(example.Run)));
            Assert.Equal(Trace(), Trace());
        }
    }
}
