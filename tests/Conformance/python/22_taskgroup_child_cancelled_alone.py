"""A child of a TaskGroup cancelled on its own is not a failure: the group goes on and ends without an exception."""
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
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 2), name="a")
        b = tg.create_task(child("b", 1), name="b")
        await asyncio.sleep(0.5)
        a.cancel()
    say(f"group done: a cancelled={a.cancelled()} b result={b.result()}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
