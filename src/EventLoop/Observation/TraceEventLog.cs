using System.Collections;

namespace EventLoop;

/// <summary>
/// The events a <see cref="TraceRecorder"/> keeps: a list of fixed-size chunks. A traced task switch records about
/// ten events; in one growing array every doubling copied all of them again (and, past 85 KB, on the large object
/// heap), which made recording cost twice the memory it needs.
/// </summary>
internal sealed class TraceEventLog : IReadOnlyList<TraceEvent>
{
    // 1024 events of 64 B stay below the large-object threshold.
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;

    private readonly List<TraceEvent[]> _chunks = [];
    private int _count;

    public int Count => _count;

    public TraceEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
        }
    }

    public void Add(in TraceEvent traceEvent)
    {
        var offset = _count & (ChunkSize - 1);
        if (offset == 0 && _count >> ChunkShift == _chunks.Count)
        {
            _chunks.Add(new TraceEvent[ChunkSize]);
        }

        _chunks[_count >> ChunkShift][offset] = traceEvent;
        _count++;
    }

    public void Clear()
    {
        _chunks.Clear();
        _count = 0;
    }

    public IEnumerator<TraceEvent> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _chunks[i >> ChunkShift][i & (ChunkSize - 1)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
