"""PriorityQueue: smallest first; items that compare equal leave in heapq's order (not insertion order)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")

from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)


async def main():
    queue = asyncio.PriorityQueue()
    for priority, name in [(3, "a"), (1, "b"), (3, "c"), (1, "d"), (2, "e"), (3, "f"), (1, "g"), (2, "h"), (1, "i"), (3, "j")]:
        queue.put_nowait(Job(priority, name))
    order = []
    while not queue.empty():
        job = queue.get_nowait()
        order.append(f"{job.priority}{job.name}")
    print("drained:", " ".join(order))

    for priority, name in [(2, "k"), (1, "l"), (2, "m")]:
        queue.put_nowait(Job(priority, name))
    first = queue.get_nowait()
    for priority, name in [(1, "n"), (2, "o"), (0, "p")]:
        queue.put_nowait(Job(priority, name))
    order = [f"{first.priority}{first.name}"]
    while not queue.empty():
        job = await queue.get()
        order.append(f"{job.priority}{job.name}")
    print("interleaved:", " ".join(order))

    order = []
    for i in range(60):
        queue.put_nowait(Job((i * 7) % 5, str(i)))
        if i % 4 == 3:
            order.append(queue.get_nowait().name)
    while not queue.empty():
        order.append(queue.get_nowait().name)
    print("big:", " ".join(order))

    async def getter():
        job = await queue.get()
        say(f"waiting getter got {job.priority}{job.name}")

    task = asyncio.create_task(getter())
    await asyncio.sleep(0)
    queue.put_nowait(Job(5, "q"))
    queue.put_nowait(Job(4, "r"))
    await task
    say(f"left: {queue.get_nowait().name}")


vloop.run(main())
