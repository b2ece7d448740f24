"""Oracle for TracingTests.Cancelling_a_suspended_task: a task asleep in a nested coroutine is cancelled."""
import os, sys
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../../shared/conformance"))
import asyncio
import vloop


async def inner():
    await asyncio.sleep(5)


async def sleeper():
    try:
        await inner()
    finally:
        pass


async def main():
    task = asyncio.create_task(sleeper(), name="sleeper")
    await asyncio.sleep(1)
    task.cancel("stop")
    try:
        await task
    except asyncio.CancelledError:
        pass


recorder = vloop.TraceRecorder()
vloop.run(main(), trace_hook=recorder)
print(recorder.format())
