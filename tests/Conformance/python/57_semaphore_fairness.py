"""Semaphore (3.11 fairness): a release hands the permit to the first waiter at once (the count drops again
when it is woken), so a task that asks in the same step queues behind the waiters instead of overtaking them;
a woken waiter that finds permits left wakes the next one (here: main, which asked while the woken waiter had
not run yet)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def worker(sem, name, hold):
    say(f"{name} asks (locked={sem.locked()}, value={sem._value})")
    async with sem:
        say(f"{name} got a permit (value={sem._value})")
        await asyncio.sleep(hold)
    say(f"{name} returned its permit (value={sem._value})")


async def main():
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(worker(sem, name, 1)) for name in "ABCDE"]
    await asyncio.sleep(0.5)
    say(f"main: locked={sem.locked()} value={sem._value}")
    await asyncio.sleep(0.5)
    tasks.append(asyncio.create_task(worker(sem, "Late", 0)))
    await asyncio.gather(*tasks)

    say("burst: two releases in one step")
    await sem.acquire()
    await sem.acquire()
    tasks = [asyncio.create_task(worker(sem, name, 0)) for name in "XYZ"]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    say(f"main released two (value={sem._value})")
    await asyncio.gather(*tasks)

    say("newcomer while a woken waiter has not run")
    await sem.acquire()
    await sem.acquire()
    w = asyncio.create_task(worker(sem, "W", 0))
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    say(f"main released two (value={sem._value}, locked={sem.locked()})")
    await sem.acquire()
    say(f"main got a permit from W's wake-up (value={sem._value})")
    sem.release()
    await w
    say(f"main done (value={sem._value})")


vloop.run(main())
