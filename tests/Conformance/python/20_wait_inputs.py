"""wait and as_completed take each distinct future once; wait on an empty list raises ValueError; plain futures work."""
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
    t = asyncio.create_task(child("t", 1), name="t")
    u = asyncio.create_task(child("u", 2), name="u")
    done, pending = await asyncio.wait([t, u, t, u, t])
    say(f"duplicates: done={len(done)} pending={len(pending)}")
    v = asyncio.create_task(child("v", 1), name="v")
    w = asyncio.create_task(child("w", 0.5), name="w")
    results = [await c for c in asyncio.as_completed([v, w, v])]
    say(f"as_completed with duplicates: {results}")
    try:
        await asyncio.wait([])
    except ValueError as e:
        say("empty wait: ValueError")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "from a future")
    done, pending = await asyncio.wait([fut], timeout=0.5)
    say(f"future: done={len(done)} pending={len(pending)}")
    done, pending = await asyncio.wait([fut])
    say(f"future: done={len(done)} result={fut.result()!r}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
