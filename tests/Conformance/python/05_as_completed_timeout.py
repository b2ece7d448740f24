"""as_completed with a timeout: items after the deadline raise TimeoutError; the tasks are not cancelled."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    tasks = [asyncio.create_task(child(n, d), name=n) for n, d in [("x", 3), ("y", 1), ("z", 5)]]
    for i, coro in enumerate(asyncio.as_completed(tasks, timeout=2)):
        try:
            say(f"item {i}: {await coro}")
        except TimeoutError as e:
            say(f"item {i}: {type(e).__name__} {str(e)!r}")
    say("states:", ", ".join(f"{t.get_name()} done={t.done()}" for t in tasks))
    await asyncio.wait(tasks)


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
