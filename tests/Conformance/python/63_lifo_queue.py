"""LifoQueue: most recent first; with maxsize the producer still waits while it is full."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def main():
    queue = asyncio.LifoQueue(maxsize=3)
    for item in range(3):
        queue.put_nowait(item)
    say(f"full={queue.full()}")

    async def producer():
        for item in (10, 11):
            await queue.put(item)
            say(f"put {item}")

    task = asyncio.create_task(producer())
    await asyncio.sleep(0)
    order = []
    while not queue.empty() or not task.done():
        order.append(await queue.get())
        say(f"got {order[-1]}")
        await asyncio.sleep(0)
    print("order:", order)


vloop.run(main())
