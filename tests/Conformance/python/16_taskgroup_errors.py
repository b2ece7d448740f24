"""TaskGroup: failures in one iteration are all collected; the body's own exception joins the group; cancelled children are not errors."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1, fail=True), name="a")
            tg.create_task(child("b", 1, fail=True), name="b")
            tg.create_task(child("c", 5), name="c")
    except* ValueError as eg:
        say(f"caught {show(eg)}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("d", 1), name="d")
            tg.create_task(child("e", 2), name="e")
            await asyncio.sleep(0.5)
            raise RuntimeError("body failed")
    except BaseExceptionGroup as eg:
        say(f"caught {show(eg)}")
        match, rest = eg.split(ValueError)
        say(f"split ValueError: match={match} rest={show(rest)}")

    async with asyncio.TaskGroup() as tg:
        f = tg.create_task(child("f", 1), name="f")
        g = tg.create_task(child("g", 2), name="g")
    say(f"no failure: results {f.result()} {g.result()}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
