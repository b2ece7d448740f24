"""Oracle for TracingTests.A_timer_firing: call_later(2) from main, which then sleeps 3 s."""
import os, sys
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../../shared/conformance"))
import asyncio
import vloop


def ring():
    pass


async def main():
    asyncio.get_running_loop().call_later(2, ring)
    await asyncio.sleep(3)


recorder = vloop.TraceRecorder()
vloop.run(main(), trace_hook=recorder)
print(recorder.format())
