"""A child of a TaskGroup cancelled on its own is not a failure: the group goes on and ends without an exception."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 2), name="a")
        b = tg.create_task(child("b", 1), name="b")
        await asyncio.sleep(0.5)
        a.cancel()
    say(f"group done: a cancelled={a.cancelled()} b result={b.result()}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
