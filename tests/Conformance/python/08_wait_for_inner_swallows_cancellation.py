"""If the inner swallows the cancellation wait_for returns its result instead of raising; if it raises something else, that is raised."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        say("swallow: cancelled, returning anyway")
    return "swallowed"


async def replace():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        say("replace: cancelled, raising ValueError")
        raise ValueError("replaced")


async def main():
    say(f"wait_for returned {await asyncio.wait_for(swallow(), timeout=1)!r}")
    try:
        await asyncio.wait_for(replace(), timeout=1)
    except ValueError as e:
        say(f"wait_for raised {show(e)}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
