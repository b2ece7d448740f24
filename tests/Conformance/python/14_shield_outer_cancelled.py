"""shield: cancelling the awaiter leaves the inner running; cancelling the inner cancels the shield; a done inner costs no iteration."""
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


async def awaiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        say("awaiter: CancelledError")
        raise


async def main():
    inner = asyncio.create_task(child("inner", 2), name="inner")
    t = asyncio.create_task(awaiter(inner), name="awaiter")
    await asyncio.sleep(1)
    say(f"cancel awaiter returned {t.cancel()}")
    await asyncio.wait([t])
    say(f"awaiter cancelled={t.cancelled()} inner done={inner.done()}")
    say(f"inner result {await inner}")

    inner = asyncio.create_task(child("inner2", 2), name="inner2")
    t = asyncio.create_task(awaiter(inner), name="awaiter2")
    await asyncio.sleep(1)
    inner.cancel()
    await asyncio.wait([t])
    say(f"inner cancelled: awaiter cancelled={t.cancelled()}")

    before = vloop.iteration()
    say(f"shield of a done task: {await asyncio.shield(asyncio.create_task(child('x', 0)))!r}")
    say(f"iterations: {vloop.iteration() - before}")
    done = asyncio.create_task(child("y", 0), name="y")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    before = vloop.iteration()
    say(f"shield of a finished task: {await asyncio.shield(done)!r} after {vloop.iteration() - before} iterations")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
