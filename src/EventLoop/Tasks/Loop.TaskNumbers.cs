namespace EventLoop;

public sealed partial class Loop
{
    // The N of Task-N as a function of the task's id: id − N stays the same from one default-named task to the next
    // until a task named by its creator takes an id and no N. Each change is kept once, (first id, id − N), so that
    // tasks keep no number of their own.
    private List<(long FirstId, long Offset)>? _taskNumberOffsets;

    /// <summary>Notes that the default-named task <paramref name="id"/> got the name number <paramref name="number"/>.</summary>
    internal void RecordTaskNumber(long id, long number)
    {
        var offset = id - number;
        if (offset != (_taskNumberOffsets is [.., var last] ? last.Offset : 0))
        {
            (_taskNumberOffsets ??= []).Add((id, offset));
        }
    }

    /// <summary>The name number of the default-named task <paramref name="id"/> (see <see cref="RecordTaskNumber"/>).</summary>
    internal long TaskNumberOf(long id)
    {
        var offsets = _taskNumberOffsets;
        if (offsets is null)
        {
            return id;
        }

        // The last change at or before the id (ids grow, so the changes are sorted).
        int low = 0, high = offsets.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (offsets[middle].FirstId <= id)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return id - (found < 0 ? 0 : offsets[found].Offset);
    }
}
