"""wait and as_completed take each distinct future once; wait on an empty list raises ValueError; plain futures work."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
