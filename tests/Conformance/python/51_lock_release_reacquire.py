"""Lock: a holder that releases and re-acquires at once queues behind the waiter it woke (the woken waiter's
future is done, so the fast path is closed), and locked() is False until the woken waiter runs."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def greedy(lock):
    await lock.acquire()
    say("greedy holds")
    await asyncio.sleep(0)
    for round in range(2):
        lock.release()
        say(f"greedy released (locked={lock.locked()})")
        await lock.acquire()
        say(f"greedy re-acquired, round {round}")
        await asyncio.sleep(0)
    lock.release()
    say("greedy done")


async def polite(lock, name):
    await lock.acquire()
    say(f"{name} holds")
    lock.release()
    say(f"{name} released")


async def main():
    lock = asyncio.Lock()
    g = asyncio.create_task(greedy(lock))
    p1 = asyncio.create_task(polite(lock, "P1"))
    p2 = asyncio.create_task(polite(lock, "P2"))
    await asyncio.gather(g, p1, p2)
    say("main done")


vloop.run(main())
