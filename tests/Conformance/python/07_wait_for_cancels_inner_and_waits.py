"""On timeout wait_for cancels the inner coroutine and waits for its cleanup before raising TimeoutError (caused by the cancellation)."""
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


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        say("inner cancelled, cleaning up")
        await asyncio.sleep(0.5)
        say("inner cleanup done")
        raise
    return "never"


async def main():
    try:
        await asyncio.wait_for(inner(), timeout=2)
    except TimeoutError as e:
        say(f"TimeoutError {str(e)!r} caused by {type(e.__cause__).__name__}")
    say(f"main cancelling={asyncio.current_task().cancelling()}")
    say(f"fast: {await asyncio.wait_for(child('fast', 1), timeout=2)}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
