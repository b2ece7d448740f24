namespace EventLoop;

/// <summary>
/// A loop's pending tasks in creation order (what <c>all_tasks()</c> lists). A chain of blocks of references that only
/// grows at its end: a task takes one 8 B slot here and needs no links of its own (a doubly linked list through the
/// tasks cost every task 16 B). A finished task is only marked (<see cref="LoopTask.Registered"/> becomes false) and
/// skipped; its slot is reclaimed when the finished ones outnumber the pending ones, by moving the pending ones
/// forward in order, so that at most about as many finished tasks as pending ones are held at any time and every
/// task costs the compaction a bounded amount of work.
/// </summary>
internal sealed class PendingTaskList
{
    private const int BlockSize = 256;

    // Finished tasks held beyond the pending count before a compaction: a loop with few pending tasks does not
    // compact after every finished one.
    private const int Slack = 64;

    private Block? _first;
    private Block? _last;
    private int _lastCount;
    private int _pending;
    private int _finished;

    public void Add(LoopTask task)
    {
        if (_last is null)
        {
            _first = _last = new Block();
        }
        else if (_lastCount == BlockSize)
        {
            var block = new Block();
            _last.Next = block;
            _last = block;
            _lastCount = 0;
        }

        task.Registered = true;
        _last.Items[_lastCount++].Value = task;
        _pending++;
    }

    public void Remove(LoopTask task)
    {
        task.Registered = false;
        _pending--;
        if (++_finished > _pending + Slack)
        {
            Compact();
        }
    }

    /// <summary>The pending tasks, oldest first.</summary>
    public List<LoopTask> ToList()
    {
        var tasks = new List<LoopTask>(_pending);
        for (var block = _first; block is not null; block = block.Next)
        {
            var count = block == _last ? _lastCount : BlockSize;
            for (var i = 0; i < count; i++)
            {
                if (block.Items[i].Value is { Registered: true } task)
                {
                    tasks.Add(task);
                }
            }
        }

        return tasks;
    }

    /// <summary>Moves the pending tasks to the front, in order, and drops the finished ones and the blocks left empty.</summary>
    private void Compact()
    {
        var target = _first!;
        var targetIndex = 0;
        for (var block = _first; block is not null; block = block.Next)
        {
            var count = block == _last ? _lastCount : BlockSize;
            for (var i = 0; i < count; i++)
            {
                if (block.Items[i].Value is not { Registered: true } task)
                {
                    continue;
                }

                if (targetIndex == BlockSize)
                {
                    target = target.Next!;
                    targetIndex = 0;
                }

                target.Items[targetIndex++].Value = task;
            }
        }

        // What is left of the new last block held tasks moved forward or finished: cleared so it keeps none alive.
        Array.Clear(target.Items, targetIndex, BlockSize - targetIndex);
        target.Next = null;
        _last = target;
        _lastCount = targetIndex;
        _finished = 0;
    }

    private sealed class Block
    {
        public readonly Slot<LoopTask>[] Items = new Slot<LoopTask>[BlockSize];

        public Block? Next;
    }
}
