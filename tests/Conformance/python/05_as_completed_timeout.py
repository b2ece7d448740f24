"""as_completed with a timeout: items after the deadline raise TimeoutError; the tasks are not cancelled."""
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
    tasks = [asyncio.create_task(child(n, d), name=n) for n, d in [("x", 3), ("y", 1), ("z", 5)]]
    for i, coro in enumerate(asyncio.as_completed(tasks, timeout=2)):
        try:
            say(f"item {i}: {await coro}")
        except TimeoutError as e:
            say(f"item {i}: {type(e).__name__} {str(e)!r}")
    say("states:", ", ".join(f"{t.get_name()} done={t.done()}" for t in tasks))
    await asyncio.wait(tasks)


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
