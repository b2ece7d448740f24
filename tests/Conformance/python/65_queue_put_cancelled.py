"""Queue.put cancelled: a putter cancelled while pending is skipped; one cancelled after a get woke it passes the
wake-up to the next putter."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def putter(queue, item):
    try:
        await queue.put(item)
        say(f"put {item}")
    except asyncio.CancelledError:
        say(f"putter of {item} cancelled (qsize={queue.qsize()})")
        raise


async def main():
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait("first")
    p1, p2, p3, p4 = (asyncio.create_task(putter(queue, f"p{i}")) for i in range(1, 5))
    await asyncio.sleep(0)
    p1.cancel()
    say(f"got {queue.get_nowait()}, p1 cancelled")
    await asyncio.sleep(0)
    say(f"got {queue.get_nowait()}")
    p3.cancel()
    say("p3 cancelled after its wake-up")
    say(f"got {await queue.get()}")
    await asyncio.gather(p1, p2, p3, p4, return_exceptions=True)
    say(f"main done (qsize={queue.qsize()})")


vloop.run(main())
