"""A cancellation from outside inside a timeout block stays a CancelledError, also when it arrives in the same iteration as the deadline."""
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


async def guarded(name, limit):
    try:
        async with asyncio.timeout(limit) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        say(f"{name}: TimeoutError")
    except asyncio.CancelledError:
        say(f"{name}: CancelledError expired={cm.expired()} cancelling={asyncio.current_task().cancelling()}")
        raise


async def main():
    t = asyncio.create_task(guarded("early", 5), name="early")
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.wait([t])
    say(f"early cancelled={t.cancelled()}")

    t = asyncio.create_task(guarded("same", 1), name="same")
    asyncio.get_running_loop().call_later(1, t.cancel)
    await asyncio.wait([t])
    say(f"same cancelled={t.cancelled()}")

    t = asyncio.create_task(guarded("late", 1), name="late")
    await asyncio.sleep(0)
    await asyncio.wait([t])
    say(f"late cancelled={t.cancelled()} cancel()={t.cancel()}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
