"""On timeout wait_for cancels the inner coroutine and waits for its cleanup before raising TimeoutError (caused by the cancellation)."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
