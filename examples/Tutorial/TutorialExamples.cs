using Tutorial.Examples;

namespace Tutorial;

/// <summary>One example of the tutorial: its name (as in the conformance suite) and the code that replays it.</summary>
public sealed record TutorialExample(string Name, Action Run);

/// <summary>Every example of the tutorial, in the tutorial's order.</summary>
public static class TutorialExamples
{
    public static IReadOnlyList<TutorialExample> All { get; } =
    [
        new("01_coroutine_object", CoroutineObject.Run),
        new("02_task_basic", TaskBasic.Run),
        new("03_create_task", CreateTask.Run),
        new("04_named_task", NamedTask.Run),
        new("05_ensure_future", EnsureFuture.Run),
        new("06_gather", Gather.Run),
        new("07_gather_exceptions", GatherExceptions.Run),
        new("08_wait", Wait.Run),
        new("09_wait_options", WaitOptions.Run),
        new("10_as_completed", AsCompleted.Run),
        new("11_cancel", Cancel.Run),
        new("12_cleanup_on_cancel", CleanupOnCancel.Run),
        new("13_shield", Shield.Run),
        new("14_task_properties", TaskProperties.Run),
        new("15_all_tasks", AllTasks.Run),
        new("16_wait_for", WaitFor.Run),
        new("17_timeout", TimeoutExample.Run),
        new("18_timeout_cleanup", TimeoutCleanup.Run),
        new("19_taskgroup", TaskGroupExample.Run),
        new("20_fire_and_forget", FireAndForget.Run),
        new("21_task_callback", TaskCallback.Run),
        new("22_semaphore", SemaphoreExample.Run),
        new("23_prime_filter_example", PrimeFilterExample.Run),
        new("24_exercise1", Exercise1.Run),
        new("25_exercise2", Exercise2.Run),
        new("26_exercise3", Exercise3.Run),
    ];

    public static TutorialExample? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
