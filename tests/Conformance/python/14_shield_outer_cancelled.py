"""shield: cancelling the awaiter leaves the inner running; cancelling the inner cancels the shield; a done inner costs no iteration."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def awaiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        say("awaiter: CancelledError")
        raise


async def main():
    inner = asyncio.create_task(child("inner", 2), name="inner")
    t = asyncio.create_task(awaiter(inner), name="awaiter")
    await asyncio.sleep(1)
    say(f"cancel awaiter returned {t.cancel()}")
    await asyncio.wait([t])
    say(f"awaiter cancelled={t.cancelled()} inner done={inner.done()}")
    say(f"inner result {await inner}")

    inner = asyncio.create_task(child("inner2", 2), name="inner2")
    t = asyncio.create_task(awaiter(inner), name="awaiter2")
    await asyncio.sleep(1)
    inner.cancel()
    await asyncio.wait([t])
    say(f"inner cancelled: awaiter cancelled={t.cancelled()}")

    before = vloop.iteration()
    say(f"shield of a done task: {await asyncio.shield(asyncio.create_task(child('x', 0)))!r}")
    say(f"iterations: {vloop.iteration() - before}")
    done = asyncio.create_task(child("y", 0), name="y")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    before = vloop.iteration()
    say(f"shield of a finished task: {await asyncio.shield(done)!r} after {vloop.iteration() - before} iterations")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
