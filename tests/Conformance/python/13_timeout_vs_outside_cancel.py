"""A cancellation from outside inside a timeout block stays a CancelledError, also when it arrives in the same iteration as the deadline."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
