"""wait_for(None) awaits inline in the same task; timeout 0 cancels a pending task at once (TimeoutError) and returns a done one's result."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def where():
    await asyncio.sleep(1)
    return asyncio.current_task().get_name()


async def main():
    say(f"timeout None runs in {await asyncio.wait_for(where(), None)}")
    say(f"timeout 2 runs in {await asyncio.wait_for(where(), 2)}")
    pending = asyncio.create_task(child("pending", 1), name="pending")
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError:
        say(f"timeout 0: TimeoutError, pending cancelled={pending.cancelled()}")
    finished = asyncio.create_task(child("finished", 1), name="finished")
    await asyncio.sleep(2)
    say(f"timeout 0 on a done task: {await asyncio.wait_for(finished, 0)}")
    try:
        await asyncio.wait_for(child("never", 1), 0)
    except TimeoutError:
        say("timeout 0 on a coroutine: TimeoutError")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
