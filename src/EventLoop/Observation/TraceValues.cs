using System.Globalization;
using System.Text.RegularExpressions;

namespace EventLoop;

/// <summary>
/// How traces print values: fixed three decimals for times, invariant culture, no addresses or hash codes, and
/// compiler-generated names (lambdas, local functions) turned into something stable and readable.
/// </summary>
internal static partial class TraceValues
{
    public static string Time(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n") + "'",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        Future future => future.ToString(),
        System.Exception exception => Exception(exception),
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => TypeName(value.GetType()),
    };

    public static string Exception(Exception exception) =>
        TypeName(exception.GetType()) + (exception.Message.Length == 0 ? "" : ": " + exception.Message);

    /// <summary>The result of a successful task, or empty for a task whose coroutine returns nothing.</summary>
    public static string ResultOf(LoopTask task) =>
        task.GetType().IsGenericType ? "result=" + Format(task.Result()) : "";

    public static string TypeName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    // A traced program names the same few callbacks over and over: each is worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_callbackNames = new();

    /// <summary><c>&lt;Main&gt;b__0_1</c> becomes <c>lambda in Main</c>, <c>&lt;Main&gt;g__OnDone|0_1</c> becomes <c>OnDone</c>.</summary>
    public static string CallbackName(string methodName) => s_callbackNames.GetOrAdd(methodName, ReadableCallbackName);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_scheduledCallbackTexts = new();

    /// <summary><c>callback OnDone</c>, the detail of a scheduled callback, made once per method (see <see cref="CallbackName"/>).</summary>
    public static string ScheduledCallbackText(string methodName) =>
        s_scheduledCallbackTexts.GetOrAdd(methodName, name => "callback " + CallbackName(name));

    private static string ReadableCallbackName(string methodName)
    {
        var local = LocalFunction().Match(methodName);
        if (local.Success)
        {
            return local.Groups[1].Value;
        }

        var lambda = Lambda().Match(methodName);
        return lambda.Success ? "lambda in " + lambda.Groups[1].Value : methodName;
    }

    [GeneratedRegex(@"^<[^>]*>g__([^|]+)\|")]
    private static partial Regex LocalFunction();

    [GeneratedRegex(@"^<([^>]*)>b__")]
    private static partial Regex Lambda();
}
