"""Queue.get cancelled: a getter cancelled while pending is skipped; one cancelled after a put woke it passes the
wake-up to the next getter, and the item stays in the queue for it."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def getter(queue, name):
    try:
        item = await queue.get()
        say(f"{name} got {item}")
    except asyncio.CancelledError:
        say(f"{name} cancelled (qsize={queue.qsize()})")
        raise


async def main():
    queue = asyncio.Queue()
    g1, g2, g3, g4 = (asyncio.create_task(getter(queue, f"G{i}")) for i in range(1, 5))
    await asyncio.sleep(0)
    g1.cancel()
    say("G1 cancelled while pending")
    await asyncio.sleep(0)
    queue.put_nowait("x")
    say("put x")
    await asyncio.sleep(0)
    queue.put_nowait("y")
    g3.cancel()
    say("put y, then cancelled G3 (woken)")
    await asyncio.gather(g1, g2, g3, g4, return_exceptions=True)
    say(f"main done (qsize={queue.qsize()})")


vloop.run(main())
