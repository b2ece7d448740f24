"""A cancel that reaches wait_for after its inner finished is swallowed: wait_for returns the result (CPython 3.11), the task's cancelling() stays 1."""
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

async def waiter(inner):
    try:
        return await asyncio.wait_for(inner, timeout=5)
    except asyncio.CancelledError:
        say("waiter got CancelledError")
        raise


async def main():
    inner = asyncio.create_task(child("quick", 1), name="quick")
    t = asyncio.create_task(waiter(inner), name="waiter")
    await asyncio.sleep(0)
    inner.add_done_callback(lambda _: say(f"cancel returned {t.cancel()}"))
    try:
        result = await t
        say(f"main: waiter returned {result!r} cancelling={t.cancelling()}")
    except asyncio.CancelledError:
        say("main: waiter cancelled")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
