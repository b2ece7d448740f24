namespace EventLoop;

/// <summary>
/// Several exceptions raised together (Python's <c>ExceptionGroup</c>), e.g. the failures of a
/// <see cref="TaskGroup"/>'s children. It is an <see cref="AggregateException"/>; <see cref="Split{TException}"/>
/// is the C# answer to <c>except*</c>: it separates the exceptions of one type from the rest, keeping nested groups.
/// </summary>
/// <example>
/// <code>
/// catch (ExceptionGroup group) when (group.Split&lt;ArgumentException&gt;() is ({ } errors, var others))
/// {
///     foreach (var error in errors.Exceptions) { /* handle */ }
///     if (others is not null) throw others;
/// }
/// </code>
/// </example>
public class ExceptionGroup : AggregateException
{
    private readonly string _message;

    /// <summary>A group of <paramref name="exceptions"/> (at least one) described by <paramref name="message"/>.</summary>
    public ExceptionGroup(string message, IEnumerable<Exception> exceptions)
        : this(message, [.. exceptions ?? throw new ArgumentNullException(nameof(exceptions))])
    {
    }

    private ExceptionGroup(string message, Exception[] exceptions)
        : base(message, exceptions)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (exceptions.Length == 0)
        {
            throw new ArgumentException("An ExceptionGroup needs at least one exception.", nameof(exceptions));
        }

        _message = message;
        Exceptions = exceptions;
    }

    /// <summary>The message the group was created with (Python's <c>eg.message</c>).</summary>
    public string GroupMessage => _message;

    /// <summary>The exceptions of the group, nested groups included as they are (<c>eg.exceptions</c>).</summary>
    public IReadOnlyList<Exception> Exceptions { get; }

    /// <summary>Python's <c>str(eg)</c>: the message and the count, e.g. <c>unhandled errors in a TaskGroup (1 sub-exception)</c>.</summary>
    public override string Message =>
        $"{_message} ({Exceptions.Count} sub-exception{(Exceptions.Count == 1 ? string.Empty : "s")})";

    /// <summary>
    /// Splits the group (<c>eg.split(T)</c>): <c>Match</c> holds the exceptions that are a <typeparamref name="TException"/>,
    /// <c>Others</c> the others, each with the group's structure and messages; either is null when empty. Handle the
    /// match and rethrow the rest, as <c>except*</c> does.
    /// </summary>
    public (ExceptionGroup? Match, ExceptionGroup? Others) Split<TException>()
        where TException : Exception => Split(e => e is TException);

    /// <summary>Splits the group by a condition on its leaf exceptions (<c>eg.split(predicate)</c>).</summary>
    public (ExceptionGroup? Match, ExceptionGroup? Others) Split(Func<Exception, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (predicate(this))
        {
            return (this, null);
        }

        var match = new List<Exception>();
        var rest = new List<Exception>();
        foreach (var exception in Exceptions)
        {
            if (exception is ExceptionGroup nested)
            {
                var (nestedMatch, nestedRest) = nested.Split(predicate);
                if (nestedMatch is not null)
                {
                    match.Add(nestedMatch);
                }

                if (nestedRest is not null)
                {
                    rest.Add(nestedRest);
                }
            }
            else if (predicate(exception))
            {
                match.Add(exception);
            }
            else
            {
                rest.Add(exception);
            }
        }

        return (Derive(match), Derive(rest));
    }

    /// <summary>The part of the group that is a <typeparamref name="TException"/>, or null (<c>eg.subgroup(T)</c>).</summary>
    public ExceptionGroup? Subgroup<TException>()
        where TException : Exception => Split<TException>().Match;

    /// <summary>A group with this one's message holding <paramref name="exceptions"/> (<c>eg.derive(excs)</c>).</summary>
    public virtual ExceptionGroup Derive(IEnumerable<Exception> exceptions) => new(_message, exceptions);

    private ExceptionGroup? Derive(List<Exception> exceptions) =>
        exceptions.Count == 0 ? null : Derive((IEnumerable<Exception>)exceptions);
}
