"""wait returns done/pending at the timeout without raising the failure or cancelling what is pending; waiting on done tasks still costs iterations."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    ok = asyncio.create_task(child("ok", 1), name="ok")
    bad = asyncio.create_task(child("bad", 1, fail=True), name="bad")
    slow = asyncio.create_task(child("slow", 5), name="slow")
    done, pending = await asyncio.wait([slow, bad, ok], timeout=2)
    say("done:", names(done), "pending:", names(pending))
    say(f"bad exception: {show(bad.exception())}")
    say(f"slow done={slow.done()} cancelled={slow.cancelled()}")
    before = vloop.iteration()
    done, pending = await asyncio.wait([ok, bad])
    say(f"wait on done tasks: {len(done)} done after {vloop.iteration() - before} iterations")
    say(f"slow result {await slow}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
