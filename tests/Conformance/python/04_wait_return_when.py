"""FIRST_COMPLETED returns every task finished in the same iteration; FIRST_EXCEPTION returns at the first failure, a cancelled task does not count."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    a = asyncio.create_task(child("a", 1), name="a")
    b = asyncio.create_task(child("b", 1), name="b")
    c = asyncio.create_task(child("c", 2), name="c")
    done, pending = await asyncio.wait([c, b, a], return_when=asyncio.FIRST_COMPLETED)
    say("FIRST_COMPLETED done:", names(done), "pending:", names(pending))

    d = asyncio.create_task(child("d", 1), name="d")
    e = asyncio.create_task(child("e", 2, fail=True), name="e")
    f = asyncio.create_task(child("f", 3), name="f")
    done, pending = await asyncio.wait([d, e, f], return_when=asyncio.FIRST_EXCEPTION)
    say("FIRST_EXCEPTION done:", names(done), "pending:", names(pending))

    g = asyncio.create_task(child("g", 5), name="g")
    h = asyncio.create_task(child("h", 2), name="h")
    asyncio.get_running_loop().call_later(0.5, g.cancel)
    done, pending = await asyncio.wait([g, h], return_when=asyncio.FIRST_EXCEPTION)
    say("FIRST_EXCEPTION with a cancelled task done:", names(done), "pending:", names(pending))
    await asyncio.wait([c, f])


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
