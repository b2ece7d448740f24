"""Lock: a waiter cancelled while pending is skipped; a waiter cancelled after being woken passes the wake-up on
to the next waiter; a newcomer takes a free lock at once when every queued waiter is cancelled."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def waiter(lock, name):
    try:
        async with lock:
            say(f"{name} holds")
            await asyncio.sleep(0)
        say(f"{name} released")
    except asyncio.CancelledError:
        say(f"{name} cancelled (locked={lock.locked()})")
        raise


async def main():
    lock = asyncio.Lock()
    say("case 1: cancelled while pending")
    await lock.acquire()
    b = asyncio.create_task(waiter(lock, "B"))
    c = asyncio.create_task(waiter(lock, "C"))
    await asyncio.sleep(0)
    b.cancel()
    lock.release()
    await asyncio.gather(b, c, return_exceptions=True)

    say("case 2: cancelled after the wake-up")
    await lock.acquire()
    d = asyncio.create_task(waiter(lock, "D"))
    e = asyncio.create_task(waiter(lock, "E"))
    await asyncio.sleep(0)
    lock.release()
    d.cancel()
    say(f"released and cancelled D (locked={lock.locked()})")
    await asyncio.gather(d, e, return_exceptions=True)

    say("case 3: every waiter cancelled")
    await lock.acquire()
    f = asyncio.create_task(waiter(lock, "F"))
    await asyncio.sleep(0)
    f.cancel()
    lock.release()
    await lock.acquire()
    say(f"main re-acquired at once (locked={lock.locked()})")
    lock.release()
    await asyncio.gather(f, return_exceptions=True)
    say(f"main done (locked={lock.locked()})")


vloop.run(main())
