using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EventLoop;

namespace Tutorial;

/// <summary>
/// Python's way of printing values, so the ports print what CPython prints: <c>repr</c> of strings, numbers,
/// lists (arrays and lists), tuples (read-only collections) and exceptions, <c>f"{x:.3f}"</c>, type names.
/// C# names are PascalCase where Python's are snake_case: <see cref="Names"/> converts quoted ones.
/// </summary>
public static partial class Py
{
    /// <summary><c>repr(value)</c>.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        string s => StringRepr(s),
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Exception e => $"{TypeName(e)}({StringRepr(e.Message)})",
        IList list when list.GetType().IsGenericType && list.GetType().GetGenericTypeDefinition() == typeof(ReadOnlyCollection<>) => TupleRepr(list),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Repr)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "None",
    };

    /// <summary><c>str(value)</c>: like <see cref="Repr"/>, but strings and exceptions print bare.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        Exception e => e.Message,
        _ => Repr(value),
    };

    /// <summary>A Python tuple: a read-only sequence that prints as <c>(a, b)</c>.</summary>
    public static ReadOnlyCollection<T> Tuple<T>(IEnumerable<T> items) => new([.. items]);

    /// <summary><c>f"{x:.3f}"</c>.</summary>
    public static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary><c>type(x).__name__</c> of the library's types and the exceptions the ports raise.</summary>
    public static string TypeName(object value) => value switch
    {
        LoopTask => "Task",
        Future => "Future",
        Coroutine => "coroutine",
        CancelledError or OperationCanceledException => "CancelledError",
        TimeoutException => "TimeoutError",
        ArgumentException => "ValueError",
        _ => value.GetType().Name,
    };

    /// <summary><c>print(type(x))</c>.</summary>
    public static string TypeRepr(object value) => $"<class '{TypeName(value)}'>";

    /// <summary>Turns quoted PascalCase names in a message into Python's snake_case: <c>'MyCoroutine'</c> → <c>'my_coroutine'</c>.</summary>
    public static string Names(string message) =>
        QuotedName().Replace(message, m => "'" + SnakeCase(m.Groups[1].Value) + "'");

    private static string SnakeCase(string name) =>
        UpperAfterLower().Replace(name, "$1_$2").ToLowerInvariant();

    private static string TupleRepr(IList items) => items.Count == 1
        ? $"({Repr(items[0])},)"
        : "(" + string.Join(", ", items.Cast<object?>().Select(Repr)) + ")";

    private static string StringRepr(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ => c.ToString(),
            });
        }

        return text.Append(quote).ToString();
    }

    [GeneratedRegex("'([A-Z][A-Za-z0-9]*)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
