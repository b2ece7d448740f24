using System.Reflection;

namespace EventLoop.Tests;

/// <summary>
/// <c>Coroutine.Suspend</c> reads the callee or the future out of the library's awaiters in place, as the awaiter's
/// first and only field: these tests fail if an awaiter gains a field, loses its struct-ness, or holds something else.
/// </summary>
public class AwaiterLayoutTests
{
    public static TheoryData<Type, Type> Awaiters()
    {
        var data = new TheoryData<Type, Type>();
        foreach (var type in typeof(Loop).Assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (typeof(ICoroutineAwaiter).IsAssignableFrom(type) && !type.IsInterface)
            {
                data.Add(type, typeof(Coroutine));
            }

            if (typeof(IFutureAwaiter).IsAssignableFrom(type) && !type.IsInterface)
            {
                data.Add(type, typeof(Future));
            }
        }

        return data;
    }

    [Fact]
    public void Every_known_awaiter_is_checked()
    {
        var names = Awaiters().Select(row => ((Type)row[0]).Name).ToArray();

        Assert.Equal(["CoroutineAwaiter", "CoroutineAwaiter`1", "FutureAwaiter", "FutureAwaiter`1", "LoopTaskAwaiter`1"], names);
    }

    [Theory]
    [MemberData(nameof(Awaiters))]
    public void An_awaiter_is_a_struct_holding_only_what_it_awaits(Type awaiter, Type held)
    {
        var closed = awaiter.IsGenericTypeDefinition ? awaiter.MakeGenericType(typeof(int)) : awaiter;
        var fields = closed.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.True(closed.IsValueType, $"{closed.Name} must be a struct");
        var field = Assert.Single(fields);
        Assert.True(held.IsAssignableFrom(field.FieldType), $"{closed.Name}'s field is a {field.FieldType.Name}, not a {held.Name}");
    }

    [Fact]
    public void Awaiting_through_each_awaiter_reaches_what_it_holds()
    {
        var loop = new Loop();
        var future = loop.CreateFuture<int>();
        var untyped = loop.CreateFuture<string>();

        async Coroutine<int> Inner()
        {
            await Asyncio.Sleep(0);
            return 1;
        }

        async Coroutine Plain() => await Asyncio.Sleep(0);

        async Coroutine<int> Main()
        {
            var task = Asyncio.CreateTask(Inner());
            await Plain();
            var fromFuture = await future;
            await (Future)untyped;
            return await Inner() + await task + fromFuture;
        }

        loop.CallLater(1, () => future.SetResult(40));
        loop.CallLater(2, () => untyped.SetResult("done"));
        Assert.Equal(42, loop.RunUntilComplete(Main()));
        Assert.Equal(2, loop.Time);
    }
}
