"""Condition.wait cancelled while another task holds the lock: the waiter re-acquires the lock before the
cancellation reaches it, so its handler runs holding the lock."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def waiter(cond):
    async with cond:
        try:
            say("waiter waits")
            await cond.wait()
        except asyncio.CancelledError:
            say(f"waiter cancelled, holds the lock again (locked={cond.locked()})")
            raise
    say("never here")


async def main():
    cond = asyncio.Condition()
    task = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    await cond.acquire()
    say("main holds the lock and cancels the waiter")
    task.cancel()
    await asyncio.sleep(1)
    say(f"main releases (waiter done={task.done()})")
    cond.release()
    try:
        await task
    except asyncio.CancelledError:
        say(f"waiter task cancelled={task.cancelled()} (locked={cond.locked()})")

    task = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        task.cancel()
        say("main notified, then cancelled the waiter")
    try:
        await task
    except asyncio.CancelledError:
        say(f"notified waiter cancelled={task.cancelled()} (locked={cond.locked()})")
    say("main done")


vloop.run(main())
