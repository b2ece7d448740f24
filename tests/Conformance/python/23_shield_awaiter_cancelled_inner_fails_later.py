"""When the awaiter of a shield is cancelled the shield stops following the inner: an exception the inner raises later is never retrieved, and is reported; if the inner was done by then, the shield retrieves it."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401

async def awaiter(inner):
    try:
        await asyncio.shield(inner)
    except asyncio.CancelledError:
        say("awaiter: CancelledError")
        raise


async def main():
    inner = asyncio.create_task(child("inner", 2, fail=True), name="inner")
    t = asyncio.create_task(awaiter(inner), name="awaiter")
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(2)
    say(f"inner done={inner.done()} awaiter cancelled={t.cancelled()}")

    inner2 = asyncio.create_task(child("inner2", 1, fail=True), name="inner2")
    t2 = asyncio.create_task(awaiter(inner2), name="awaiter2")
    await asyncio.sleep(0)
    asyncio.get_running_loop().call_later(1, t2.cancel)
    await asyncio.sleep(2)
    say(f"inner2 done={inner2.done()} awaiter2 cancelled={t2.cancelled()}")


vloop.run(main(), exception_handler=vloop.printing_exception_handler)
print(f"elapsed={vloop.last_finish_time():.3f}")
