"""BoundedSemaphore: a release beyond the initial value is refused and changes nothing; a semaphore of 0 is
locked until released."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def waiter(sem):
    async with sem:
        say(f"waiter got the permit (value={sem._value})")


async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        say(f"holding one (value={sem._value})")
    try:
        sem.release()
    except ValueError:
        say(f"over-release refused (value={sem._value}, locked={sem.locked()})")

    zero = asyncio.Semaphore(0)
    say(f"Semaphore(0) locked={zero.locked()}")
    task = asyncio.create_task(waiter(zero))
    await asyncio.sleep(1)
    say(f"waiter still waiting: {not task.done()}")
    zero.release()
    await task
    say(f"main done (value={zero._value})")


vloop.run(main())
