"""Queue.join returns once task_done was called for every item put; workers blocked on get are then cancelled."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(message):
    print(f"it={vloop.iteration()} t={vloop.now():.3f} {message}")


async def worker(name, queue):
    try:
        while True:
            delay = await queue.get()
            await asyncio.sleep(delay)
            say(f"{name} finished a {delay} s job")
            queue.task_done()
    except asyncio.CancelledError:
        say(f"{name} cancelled while waiting for work")
        raise


async def main():
    queue = asyncio.Queue()
    for delay in (0.3, 0.1, 0.2, 0.1, 0.4, 0.1):
        queue.put_nowait(delay)
    workers = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(3)]
    await queue.join()
    say(f"join returned (qsize={queue.qsize()})")
    before = vloop.iteration()
    await queue.join()
    say(f"second join took {vloop.iteration() - before} iterations")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    say("main done")


vloop.run(main())
