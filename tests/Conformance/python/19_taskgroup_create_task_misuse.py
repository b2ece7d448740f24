"""TaskGroup.create_task after the group finished, and while it is shutting down, raises RuntimeError."""
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
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 1), name="a")
    coro = child("late", 1)
    try:
        tg.create_task(coro)
    except RuntimeError:
        say("after the group finished: RuntimeError")
        coro.close()

    async def late_creator(group):
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            c = child("during-abort", 1)
            try:
                group.create_task(c)
            except RuntimeError:
                say("while shutting down: RuntimeError")
                c.close()
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(late_creator(tg), name="creator")
            tg.create_task(child("b", 1, fail=True), name="b")
    except* ValueError as eg:
        say(f"caught {show(eg)}")

    async with asyncio.TaskGroup() as tg:
        async def spawner():
            await asyncio.sleep(1)
            tg.create_task(child("spawned", 1), name="spawned")
            say("a child may add a task while the group waits")
        tg.create_task(spawner(), name="spawner")
    say("group with spawned task done")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
