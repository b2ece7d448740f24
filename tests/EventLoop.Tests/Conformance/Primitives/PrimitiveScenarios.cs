namespace EventLoop.Tests.Conformance.Primitives;

/// <summary>The C# ports of tests/Conformance/python/50..66 (the primitives), by script name.</summary>
internal static class PrimitiveScenarios
{
    public static IReadOnlyList<(string Name, Action Run)> All { get; } =
    [
        ("50_lock_fifo", LockFifo.Run),
        ("51_lock_release_reacquire", LockReleaseReacquire.Run),
        ("52_lock_cancelled_waiter", LockCancelledWaiter.Run),
        ("53_event_wakes_all", EventWakesAll.Run),
        ("54_condition_notify", ConditionNotify.Run),
        ("55_condition_wait_for", ConditionWaitFor.Run),
        ("56_condition_wait_cancelled", ConditionWaitCancelled.Run),
        ("57_semaphore_fairness", SemaphoreFairness.Run),
        ("58_semaphore_cancelled_waiter", SemaphoreCancelledWaiter.Run),
        ("59_bounded_semaphore", BoundedSemaphoreRefusal.Run),
        ("60_queue_backpressure", QueueBackpressure.Run),
        ("61_queue_join", QueueJoin.Run),
        ("62_priority_queue", PriorityQueueOrder.Run),
        ("63_lifo_queue", LifoQueueOrder.Run),
        ("64_queue_get_cancelled", QueueGetCancelled.Run),
        ("65_queue_put_cancelled", QueuePutCancelled.Run),
        ("66_misuse_refused", MisuseRefused.Run),
    ];
}
