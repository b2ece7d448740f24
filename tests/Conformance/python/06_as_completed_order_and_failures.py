"""as_completed hands results and exceptions in completion order; each item costs the iterations of CPython's queue-based _wait_for_one."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    tasks = [
        asyncio.create_task(child("a", 2), name="a"),
        asyncio.create_task(child("b", 1, fail=True), name="b"),
        asyncio.create_task(child("c", 1), name="c"),
    ]
    for coro in asyncio.as_completed(tasks):
        try:
            say(f"got {await coro}")
        except ValueError as e:
            say(f"got exception {show(e)}")

    tasks = [asyncio.create_task(child(f"n{i}", 0.5 * (3 - i)), name=f"n{i}") for i in range(3)]
    for coro in asyncio.as_completed(tasks):
        say(f"got {await coro}")
    say("all done")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
