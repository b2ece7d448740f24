"""Event: set() wakes every waiter, in the order they started waiting, all in the next iteration; waiting on a
set event does not suspend; waiters woken by set() return True even if clear() runs before they do."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def waiter(event, name):
    say(f"{name} waits")
    result = await event.wait()
    say(f"{name} woke with {result} (is_set={event.is_set()})")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, name)) for name in "ABC"]
    await asyncio.sleep(0)
    say("main sets")
    event.set()
    await asyncio.gather(*tasks)
    before = vloop.iteration()
    await event.wait()
    say(f"wait on a set event took {vloop.iteration() - before} iterations")

    event.clear()
    tasks = [asyncio.create_task(waiter(event, name)) for name in "DE"]
    await asyncio.sleep(0)
    event.set()
    event.clear()
    say("main set and cleared")
    await asyncio.gather(*tasks)
    say("main done")


vloop.run(main())
