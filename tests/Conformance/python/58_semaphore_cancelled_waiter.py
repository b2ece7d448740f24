"""Semaphore: a waiter cancelled while pending is skipped; one cancelled after the release woke it gives its
permit back and wakes the next waiter."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def worker(sem, name):
    try:
        async with sem:
            say(f"{name} got a permit (value={sem._value})")
            await asyncio.sleep(0)
        say(f"{name} returned its permit (value={sem._value})")
    except asyncio.CancelledError:
        say(f"{name} cancelled (value={sem._value})")
        raise


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    a, b, c = (asyncio.create_task(worker(sem, name)) for name in "ABC")
    await asyncio.sleep(0)
    a.cancel()
    say(f"A cancelled while pending (locked={sem.locked()})")
    sem.release()
    say(f"released (value={sem._value})")
    b.cancel()
    say("B cancelled after its wake-up")
    await asyncio.gather(a, b, c, return_exceptions=True)
    say(f"main done (value={sem._value}, locked={sem.locked()})")


vloop.run(main())
