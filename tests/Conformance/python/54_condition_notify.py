"""Condition: notify(2) wakes the two oldest waiters, which re-acquire the lock one after the other after the
notifier releases it; notify_all wakes the rest in order."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def waiter(cond, name):
    async with cond:
        say(f"{name} waits")
        result = await cond.wait()
        say(f"{name} woke with {result} holding the lock (locked={cond.locked()})")
        await asyncio.sleep(0)
        say(f"{name} releases")


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, name)) for name in "ABCDE"]
    await asyncio.sleep(0)
    async with cond:
        say("main notifies 2")
        cond.notify(2)
        await asyncio.sleep(0)
        say("main releases")
    await asyncio.sleep(0.1)
    async with cond:
        say("main notifies all")
        cond.notify_all()
    await asyncio.gather(*tasks)
    say("main done")


vloop.run(main())
