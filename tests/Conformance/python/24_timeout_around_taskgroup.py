"""A timeout around a TaskGroup: the deadline cancels the body, the group cancels its children and lets the cancellation out, the timeout turns it into TimeoutError; a TimeoutError of the body joins the group."""
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
    try:
        async with asyncio.timeout(1) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("a", 5), name="a")
                tg.create_task(child("b", 0.5), name="b")
    except TimeoutError:
        say(f"TimeoutError expired={cm.expired()} cancelling={asyncio.current_task().cancelling()}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 2, fail=True), name="c")
            async with asyncio.timeout(1):
                await asyncio.sleep(5)
    except* TimeoutError as eg:
        say(f"caught {show(eg)}")
    say("main continues")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
