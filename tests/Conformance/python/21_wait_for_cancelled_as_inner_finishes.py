"""A cancel that reaches wait_for after its inner finished is swallowed: wait_for returns the result (CPython 3.11), the task's cancelling() stays 1."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401

async def waiter(inner):
    try:
        return await asyncio.wait_for(inner, timeout=5)
    except asyncio.CancelledError:
        say("waiter got CancelledError")
        raise


async def main():
    inner = asyncio.create_task(child("quick", 1), name="quick")
    t = asyncio.create_task(waiter(inner), name="waiter")
    await asyncio.sleep(0)
    inner.add_done_callback(lambda _: say(f"cancel returned {t.cancel()}"))
    try:
        result = await t
        say(f"main: waiter returned {result!r} cancelling={t.cancelling()}")
    except asyncio.CancelledError:
        say("main: waiter cancelled")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
