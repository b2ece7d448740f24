"""Cancelling the task that awaits wait_for cancels the inner and waits for it; an inner that finished first wins."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def waiter(coro):
    try:
        return await asyncio.wait_for(coro, timeout=5)
    except asyncio.CancelledError:
        say("waiter got CancelledError")
        raise


async def main():
    t = asyncio.create_task(waiter(child("inner", 10)), name="waiter")
    await asyncio.sleep(1)
    say(f"cancel returned {t.cancel('outer')}")
    try:
        await t
    except asyncio.CancelledError as e:
        say(f"main: waiter cancelled {str(e)!r}")

    inner = asyncio.create_task(child("quick", 1), name="quick")
    t = asyncio.create_task(waiter(inner), name="waiter2")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.wait([inner])
    say(f"inner done, cancel returned {t.cancel()}")
    try:
        say(f"main: waiter2 returned {await t!r}")
    except asyncio.CancelledError:
        say("main: waiter2 cancelled")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
