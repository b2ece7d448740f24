namespace EventLoop.Tests.Differential;

/// <summary>What a run of a <see cref="ProgramSpec"/> did, beyond its log: the facts the property tests check.</summary>
public sealed class RunRecord
{
    /// <summary>The printed log.</summary>
    public string Log { get; set; } = "";

    /// <summary>Loop time and iteration of every log line written on the loop, in order.</summary>
    public List<(double Time, long Iteration)> Clock { get; } = [];

    /// <summary>Every task in creation order, and whether main had already finished when it was created.</summary>
    public List<(LoopTask Task, bool AfterMain)> Created { get; } = [];

    /// <summary>How many times each task completed (only when completions are counted).</summary>
    public Dictionary<LoopTask, int> Completions { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The program's add_done_callback registrations, in order, and whether main had already finished.</summary>
    public List<(string Label, LoopTask Task, bool AfterMain)> DoneCallbacksAdded { get; } = [];

    /// <summary>The program's done callbacks as they ran, in order.</summary>
    public List<(string Label, LoopTask Task)> DoneCallbacksFired { get; } = [];

    /// <summary>call_later callbacks as they ran: their deadline and the loop time.</summary>
    public List<(double Deadline, double Now)> TimersFired { get; } = [];

    /// <summary>Sleeps that returned normally: loop time before, delay, loop time after.</summary>
    public List<(double Start, double Delay, double End)> Sleeps { get; } = [];

    /// <summary>How many tasks hold each resource (lock or semaphore) now, by index.</summary>
    public Dictionary<int, int> Holders { get; } = [];

    /// <summary>The most tasks that held each resource at once, by index.</summary>
    public Dictionary<int, int> MostHolders { get; } = [];

    /// <summary>Per queue: the items put (as each put returned) and got (as each get returned), in order.</summary>
    public Dictionary<int, (List<string> Put, List<string> Got)> Queues { get; } = [];

    /// <summary>True once main's run returned or raised (tasks created later are created during the shutdown).</summary>
    public bool MainFinished { get; set; }

    /// <summary>The loop's tasks pending when main finished (before the shutdown), the program's and the library's own.</summary>
    public List<LoopTask> PendingWhenMainFinished { get; set; } = [];

    /// <summary>The loop's tasks still pending after the runner closed.</summary>
    public List<LoopTask> PendingAtEnd { get; set; } = [];

    /// <summary>The put and got items of queue <paramref name="index"/>.</summary>
    public (List<string> Put, List<string> Got) QueueItems(int index)
    {
        if (!Queues.TryGetValue(index, out var items))
        {
            Queues[index] = items = ([], []);
        }

        return items;
    }
}
