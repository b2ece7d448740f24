namespace EventLoop.Tests.Combinators;

/// <summary><see cref="ExceptionGroup"/>: Python's message, and <c>split</c> keeping the nesting.</summary>
public sealed class ExceptionGroupTests
{
    [Fact]
    public void An_empty_group_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ExceptionGroup("none", []));
    }

    [Fact]
    public void Split_separates_by_type_and_keeps_nested_groups_and_messages()
    {
        var value = new ArgumentException("value");
        var runtime = new InvalidOperationException("runtime");
        var nestedValue = new ArgumentException("nested value");
        var group = new ExceptionGroup("outer", [value, new ExceptionGroup("inner", [nestedValue, runtime])]);

        var (match, rest) = group.Split<ArgumentException>();

        Assert.NotNull(match);
        Assert.Equal("outer", match.GroupMessage);
        Assert.Same(value, match.Exceptions[0]);
        var nestedMatch = Assert.IsType<ExceptionGroup>(match.Exceptions[1]);
        Assert.Equal("inner", nestedMatch.GroupMessage);
        Assert.Same(nestedValue, Assert.Single(nestedMatch.Exceptions));
        Assert.NotNull(rest);
        var nestedRest = Assert.IsType<ExceptionGroup>(Assert.Single(rest.Exceptions));
        Assert.Same(runtime, Assert.Single(nestedRest.Exceptions));
        Assert.Equal("outer (2 sub-exceptions)", group.Message);
    }

    [Fact]
    public void Split_gives_null_for_an_empty_side_and_the_group_itself_when_it_matches_as_a_whole()
    {
        var group = new ExceptionGroup("g", [new ArgumentException("a")]);
        Assert.Null(group.Split<InvalidOperationException>().Match);
        Assert.Null(group.Split<ArgumentException>().Others);
        Assert.Same(group, group.Split<AggregateException>().Match);
        Assert.Null(group.Subgroup<InvalidOperationException>());
    }
}
