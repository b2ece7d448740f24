"""The future a sleeping task waits on (_fut_waiter): pending until the timer fires, done from then on even before the
task wakes; cancelling the task before and after its timer fired, cancelling the future, setting its result early,
and a task that cancels itself just before it sleeps."""
import asyncio
from scenario import vloop, say, names, show, child, outcome  # noqa: F401


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        say(f"{name} cancelled {str(e)!r}")
        raise
    say(f"{name} woke")
    return name


async def self_cancelling():
    asyncio.current_task().cancel("self")
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError as e:
        say(f"self_cancelling cancelled {str(e)!r}")
    return "caught"


async def main():
    loop = asyncio.get_running_loop()

    t = asyncio.create_task(sleeper("a", 1), name="a")
    await asyncio.sleep(0)
    f = t._fut_waiter
    say(f"a waits on a {type(f).__name__}: done={f.done()}, asked again the same: {t._fut_waiter is f}")

    def at_deadline():
        w = t._fut_waiter
        say(f"a's future after its timer: done={w.done()}, cancelled={w.cancelled()}, same={w is f}")

    loop.call_at(loop.time() + 1, at_deadline)
    say(f"a: {await outcome(t)}")

    t = asyncio.create_task(sleeper("b", 1), name="b")
    await asyncio.sleep(0)
    loop.call_at(loop.time() + 1, lambda: say(f"b cancelled after its timer fired: {t.cancel('late')}"))
    say(f"b: {await outcome(t)}, cancelled={t.cancelled()}")

    t = asyncio.create_task(sleeper("c", 5), name="c")
    await asyncio.sleep(0)
    say(f"c cancelled while it sleeps: {t.cancel('early')}")
    say(f"c: {await outcome(t)}")

    t = asyncio.create_task(sleeper("d", 5), name="d")
    await asyncio.sleep(0)
    say(f"d's future cancelled: {t._fut_waiter.cancel()}")
    say(f"d: {await outcome(t)}")

    t = asyncio.create_task(sleeper("e", 5), name="e")
    await asyncio.sleep(0)
    t._fut_waiter.set_result(None)
    say(f"e: {await outcome(t)}")

    t = asyncio.create_task(self_cancelling(), name="s")
    say(f"s: {await outcome(t)}, cancelling={t.cancelling()}")

    await asyncio.sleep(10)
    say("no timer of theirs fired")


vloop.run(main(), exception_handler=vloop.printing_exception_handler)
print(f"elapsed={vloop.last_finish_time():.3f}")
