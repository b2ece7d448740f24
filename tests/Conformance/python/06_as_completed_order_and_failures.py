"""as_completed hands results and exceptions in completion order; each item costs the iterations of CPython's queue-based _wait_for_one."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(*parts):
    vloop.log(f"it={vloop.iteration()}", *parts)


def names(tasks):
    return "[" + ", ".join(t.get_name() for t in vloop.creation_order(tasks)) + "]"


def show(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [" + ", ".join(show(x) for x in e.exceptions) + "])"
    return f"{type(e).__name__}({str(e)!r})"


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        say(f"{name} cancelled")
        raise
    if fail:
        say(f"{name} raises")
        raise ValueError(name)
    say(f"{name} done")
    return name


async def main():
    tasks = [
        asyncio.create_task(child("a", 2), name="a"),
        asyncio.create_task(child("b", 1, fail=True), name="b"),
        asyncio.create_task(child("c", 1), name="c"),
    ]
    for coro in asyncio.as_completed(tasks):
        try:
            say(f"got {await coro}")
        except ValueError as e:
            say(f"got exception {show(e)}")

    tasks = [asyncio.create_task(child(f"n{i}", 0.5 * (3 - i)), name=f"n{i}") for i in range(3)]
    for coro in asyncio.as_completed(tasks):
        say(f"got {await coro}")
    say("all done")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
