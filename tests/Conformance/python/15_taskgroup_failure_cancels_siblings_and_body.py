"""TaskGroup: the first failure cancels the siblings (creation order) and the body; one ExceptionGroup; the parent ends uncancelled."""
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
            tg.create_task(child("b", 3), name="b")
            tg.create_task(child("a", 1, fail=True), name="a")
            tg.create_task(child("c", 3), name="c")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                say("body cancelled")
                raise
    except* ValueError as eg:
        say(f"caught {show(eg)}")
        say(f"str: {eg}")
    say(f"cancelling={asyncio.current_task().cancelling()}")
    await asyncio.sleep(1)
    say("main continues")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
