"""wait returns done/pending at the timeout without raising the failure or cancelling what is pending; waiting on done tasks still costs iterations."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))
import asyncio
import vloop


def say(*parts):
    vloop.log(f"it={vloop.iteration()}", *parts)


def names(tasks):
    return "[" + ", ".join(t.get_name() for t in vloop.creation_order(tasks)) + "]"


def show(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [" + ", ".join(show(x) for x in e.exceptions) + "])"
    return f"{type(e).__name__}({str(e)!r})"


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        say(f"{name} cancelled")
        raise
    if fail:
        say(f"{name} raises")
        raise ValueError(name)
    say(f"{name} done")
    return name


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
