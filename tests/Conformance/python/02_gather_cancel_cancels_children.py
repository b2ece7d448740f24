"""Cancelling the gather future cancels its children; the awaiter gets CancelledError even with return_exceptions."""
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
    gathered = asyncio.gather(child("a", 1), child("b", 2), return_exceptions=True)
    await asyncio.sleep(0.5)
    say(f"cancel returned {gathered.cancel('stop')}")
    try:
        await gathered
    except asyncio.CancelledError as e:
        say(f"main got CancelledError {str(e)!r}")
    say(f"gather cancelled={gathered.cancelled()}")

    c = asyncio.create_task(child("c", 1), name="c")
    d = asyncio.create_task(child("d", 1), name="d")
    done = asyncio.gather(c, d)
    await asyncio.sleep(0)
    c.cancel()
    try:
        await done
    except asyncio.CancelledError:
        say("a cancelled child makes gather raise CancelledError")
    say(f"gather cancelled={done.cancelled()}")
    await asyncio.sleep(2)


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
