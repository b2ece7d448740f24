"""Oracle for TracingTests.Sleep_zero_round_robin: two tasks yielding with sleep(0), traced by vloop."""
import os, sys
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../../shared/conformance"))
import asyncio
import vloop


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(worker(3), name="A")
    b = asyncio.create_task(worker(3), name="B")
    await a
    await b


recorder = vloop.TraceRecorder()
vloop.run(main(), trace_hook=recorder)
print(recorder.format())
