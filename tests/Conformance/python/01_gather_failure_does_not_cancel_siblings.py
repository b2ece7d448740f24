"""gather without return_exceptions: the first exception reaches the awaiter at once, the other children keep running."""
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
    gathered = asyncio.gather(child("a", 1, fail=True), child("b", 2), child("c", 3))
    try:
        await gathered
    except ValueError as e:
        say(f"main caught {show(e)}")
    say(f"gather done={gathered.done()} cancel()={gathered.cancel()}")
    await asyncio.sleep(5)
    say("main end")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
