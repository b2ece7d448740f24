"""timeout(): when(), reschedule() (later, never, in the past), expired(), repr, and reschedule after exit."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
