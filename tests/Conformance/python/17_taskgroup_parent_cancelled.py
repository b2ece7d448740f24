"""TaskGroup: a cancellation of the parent from outside cancels the children and is not swallowed, also while the group waits for its children."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def worker(body_sleeps):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 5), name="a")
            tg.create_task(child("b", 5), name="b")
            if body_sleeps:
                await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        say(f"worker: CancelledError {str(e)!r} cancelling={asyncio.current_task().cancelling()}")
        raise


async def failing_worker():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("x", 1, fail=True), name="x")
        await asyncio.sleep(10)


async def main():
    t = asyncio.create_task(worker(True), name="w1")
    await asyncio.sleep(1)
    t.cancel("outside")
    await asyncio.wait([t])
    say(f"w1 cancelled={t.cancelled()}")

    t = asyncio.create_task(worker(False), name="w2")
    await asyncio.sleep(1)
    t.cancel("outside")
    await asyncio.wait([t])
    say(f"w2 cancelled={t.cancelled()}")

    t = asyncio.create_task(failing_worker(), name="w3")
    asyncio.get_running_loop().call_later(1, t.cancel)
    await asyncio.wait([t])
    if t.cancelled():
        say("w3 cancelled")
    else:
        say(f"w3 raised {show(t.exception())}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
