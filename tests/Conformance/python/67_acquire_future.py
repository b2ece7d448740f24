"""The future a task waiting for a lock or a semaphore waits on (_fut_waiter): pending until a release wakes the
task, done from then on even before the task runs; cancelling the task before and after it was woken (the lock or
permit passes on), cancelling the future, setting its result early, and a task that cancels itself just before it
acquires."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop
from scenario import outcome


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def user(prim, name):
    try:
        async with prim:
            say(f"{name} acquired")
            await asyncio.sleep(1)
        say(f"{name} released")
    except asyncio.CancelledError as e:
        say(f"{name} cancelled {str(e)!r}")
        raise
    return name


async def self_cancelling(prim):
    asyncio.current_task().cancel("self")
    try:
        async with prim:
            say("s acquired")
    except asyncio.CancelledError as e:
        say(f"s cancelled {str(e)!r}")
    return "caught"


def state(prim):
    if isinstance(prim, asyncio.Semaphore):
        return f"value={prim._value}, locked={prim.locked()}"
    return f"locked={prim.locked()}"


async def scenario(prim):
    await prim.acquire()
    a = asyncio.create_task(user(prim, "a"), name="a")
    await asyncio.sleep(0)
    f = a._fut_waiter
    say(f"a waits on a {type(f).__name__}: done={f.done()}, asked again the same: {a._fut_waiter is f}")
    prim.release()
    w = a._fut_waiter
    say(f"a's future after the release: done={w.done()}, cancelled={w.cancelled()}, result={w.result()}, same={w is f}")
    say(f"a: {await outcome(a)} ({state(prim)})")

    await prim.acquire()
    b = asyncio.create_task(user(prim, "b"), name="b")
    c = asyncio.create_task(user(prim, "c"), name="c")
    await asyncio.sleep(0)
    prim.release()
    say(f"b cancelled after the release woke it: {b.cancel('late')} ({state(prim)})")
    say(f"b: {await outcome(b)}, c: {await outcome(c)} ({state(prim)})")

    await prim.acquire()
    d = asyncio.create_task(user(prim, "d"), name="d")
    await asyncio.sleep(0)
    say(f"d cancelled while it waits: {d.cancel('early')}")
    say(f"d: {await outcome(d)} ({state(prim)})")

    e = asyncio.create_task(user(prim, "e"), name="e")
    await asyncio.sleep(0)
    say(f"e's future cancelled: {e._fut_waiter.cancel()}")
    say(f"e: {await outcome(e)} ({state(prim)})")

    g = asyncio.create_task(user(prim, "g"), name="g")
    await asyncio.sleep(0)
    g._fut_waiter.set_result(True)
    say(f"g's future given its result early ({state(prim)})")
    await asyncio.sleep(0)
    prim.release()
    say(f"g: {await outcome(g)} ({state(prim)})")

    while not prim.locked():
        await prim.acquire()
    s = asyncio.create_task(self_cancelling(prim), name="s")
    say(f"s: {await outcome(s)}, cancelling={s.cancelling()} ({state(prim)})")
    prim.release()
    say(f"end ({state(prim)})")


async def main():
    say("Semaphore(1)")
    await scenario(asyncio.Semaphore(1))
    say("Lock()")
    await scenario(asyncio.Lock())


vloop.run(main())
