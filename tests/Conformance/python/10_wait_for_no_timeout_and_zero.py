"""wait_for(None) awaits inline in the same task; timeout 0 cancels a pending task at once (TimeoutError) and returns a done one's result."""
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


async def where():
    await asyncio.sleep(1)
    return asyncio.current_task().get_name()


async def main():
    say(f"timeout None runs in {await asyncio.wait_for(where(), None)}")
    say(f"timeout 2 runs in {await asyncio.wait_for(where(), 2)}")
    pending = asyncio.create_task(child("pending", 1), name="pending")
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError:
        say(f"timeout 0: TimeoutError, pending cancelled={pending.cancelled()}")
    finished = asyncio.create_task(child("finished", 1), name="finished")
    await asyncio.sleep(2)
    say(f"timeout 0 on a done task: {await asyncio.wait_for(finished, 0)}")
    try:
        await asyncio.wait_for(child("never", 1), 0)
    except TimeoutError:
        say("timeout 0 on a coroutine: TimeoutError")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
