"""Cancelling the gather future cancels its children; the awaiter gets CancelledError even with return_exceptions."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    gathered = asyncio.gather(child("a", 1), child("b", 2), return_exceptions=True)
    await asyncio.sleep(0.5)
    say(f"cancel returned {gathered.cancel('stop')}")
    try:
        await gathered
    except asyncio.CancelledError as e:
        say(f"main got CancelledError {str(e)!r}")
    say(f"gather cancelled={gathered.cancelled()}")

    c = asyncio.create_task(child("c", 1), name="c")
    d = asyncio.create_task(child("d", 1), name="d")
    done = asyncio.gather(c, d)
    await asyncio.sleep(0)
    c.cancel()
    try:
        await done
    except asyncio.CancelledError:
        say("a cancelled child makes gather raise CancelledError")
    say(f"gather cancelled={done.cancelled()}")
    await asyncio.sleep(2)


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
