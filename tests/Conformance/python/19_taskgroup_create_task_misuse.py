"""TaskGroup.create_task after the group finished, and while it is shutting down, raises RuntimeError."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
