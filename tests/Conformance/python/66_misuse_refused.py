"""Misuse is refused and changes nothing: releasing an unlocked lock, waiting or notifying on a condition without
its lock, task_done too often, put_nowait on a full queue, get_nowait on an empty one."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError:
        say(f"release of an unlocked lock refused (locked={lock.locked()})")

    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError:
        say(f"wait without the lock refused (locked={cond.locked()})")
    try:
        cond.notify()
    except RuntimeError:
        say("notify without the lock refused")

    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait("a")
    try:
        queue.put_nowait("b")
    except asyncio.QueueFull:
        say(f"put_nowait on a full queue refused (qsize={queue.qsize()})")
    queue.get_nowait()
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        say(f"get_nowait on an empty queue refused (qsize={queue.qsize()})")
    queue.task_done()
    try:
        queue.task_done()
    except ValueError:
        say("task_done called too many times refused")
    await queue.join()
    say("join returns at once")


vloop.run(main())
