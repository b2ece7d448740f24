"""Condition.wait_for: the predicate is checked first and after every notification; the waiter returns once it
holds the lock and the predicate is true."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def consumer(cond, state):
    async with cond:
        say("consumer waits for value >= 3")
        result = await cond.wait_for(lambda: state["value"] >= 3)
        say(f"consumer sees value {state['value']} (wait_for returned {result})")


async def main():
    cond = asyncio.Condition()
    state = {"value": 0}
    task = asyncio.create_task(consumer(cond, state))
    for _ in range(4):
        await asyncio.sleep(1)
        async with cond:
            state["value"] += 1
            say(f"producer sets value {state['value']} and notifies")
            cond.notify()
    await task
    async with cond:
        result = await cond.wait_for(lambda: True)
        say(f"wait_for of a true predicate returned {result} without waiting")
    say("main done")


vloop.run(main())
