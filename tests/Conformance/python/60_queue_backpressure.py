"""Queue(maxsize=2): the producer waits while the queue is full and is woken by each get; the consumer waits
while it is empty and is woken by each put."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def producer(queue):
    for item in range(6):
        say(f"put {item} (qsize={queue.qsize()}, full={queue.full()})")
        await queue.put(item)
        say(f"put {item} done (qsize={queue.qsize()})")
    await queue.put(None)


async def consumer(queue):
    while True:
        item = await queue.get()
        say(f"got {item} (qsize={queue.qsize()})")
        if item is None:
            break
        if item % 2 == 0:
            await asyncio.sleep(1)


async def main():
    queue = asyncio.Queue(maxsize=2)
    say(f"maxsize={queue.maxsize} empty={queue.empty()} full={queue.full()}")
    await asyncio.gather(producer(queue), consumer(queue))
    say(f"main done (empty={queue.empty()})")


vloop.run(main())
