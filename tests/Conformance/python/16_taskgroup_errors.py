"""TaskGroup: failures in one iteration are all collected; the body's own exception joins the group; cancelled children are not errors."""
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
