"""Lock: waiters get the lock in the order they asked; each hand-off costs one iteration (the woken waiter's step)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def worker(lock, name):
    say(f"{name} wants the lock (locked={lock.locked()})")
    async with lock:
        say(f"{name} holds the lock")
        await asyncio.sleep(0)
        say(f"{name} releases")
    say(f"{name} done")


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(worker(lock, name)) for name in "ABCD"]
    await asyncio.gather(*tasks)
    say(f"main done (locked={lock.locked()})")


vloop.run(main())
