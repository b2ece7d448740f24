"""If the inner swallows the cancellation wait_for returns its result instead of raising; if it raises something else, that is raised."""
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


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        say("swallow: cancelled, returning anyway")
    return "swallowed"


async def replace():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        say("replace: cancelled, raising ValueError")
        raise ValueError("replaced")


async def main():
    say(f"wait_for returned {await asyncio.wait_for(swallow(), timeout=1)!r}")
    try:
        await asyncio.wait_for(replace(), timeout=1)
    except ValueError as e:
        say(f"wait_for raised {show(e)}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
