using System.Collections;

namespace EventLoop;

/// <summary>The warnings recorded since <see cref="Warnings.Catch"/>; disposing it stops recording.</summary>
public sealed class WarningRecorder : IReadOnlyList<RuntimeWarning>, IDisposable
{
    private readonly List<RuntimeWarning> _warnings = [];
    private readonly WarningRecorder? _outer;

    internal WarningRecorder(WarningRecorder? outer) => _outer = outer;

    /// <inheritdoc />
    public int Count => _warnings.Count;

    /// <inheritdoc />
    public RuntimeWarning this[int index] => _warnings[index];

    /// <inheritdoc />
    public IEnumerator<RuntimeWarning> GetEnumerator() => _warnings.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops recording; warnings go where they went before.</summary>
    public void Dispose() => Warnings.Restore(this, _outer);

    internal void Record(RuntimeWarning warning) => _warnings.Add(warning);
}
