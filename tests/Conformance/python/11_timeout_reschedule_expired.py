"""timeout(): when(), reschedule() (later, never, in the past), expired(), repr, and reschedule after exit."""
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


def when(cm):
    return "None" if cm.when() is None else f"{cm.when():.3f}"


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            say(f"when={when(cm)} expired={cm.expired()} {cm!r}")
            cm.reschedule(loop.time() + 1)
            say(f"rescheduled when={when(cm)}")
            await asyncio.sleep(2)
    except TimeoutError:
        say(f"TimeoutError expired={cm.expired()} {cm!r}")

    async with asyncio.timeout(1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(2)
    say(f"no deadline: expired={cm.expired()} {cm!r}")

    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() - 1)
            say("rescheduled into the past")
            await asyncio.sleep(0)
            say("not reached")
    except TimeoutError:
        say(f"past deadline: TimeoutError expired={cm.expired()}")

    try:
        cm.reschedule(None)
    except RuntimeError:
        say(f"reschedule after exit: RuntimeError")

    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    say(f"exited in time: expired={cm.expired()} {cm!r}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
