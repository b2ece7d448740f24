"""TaskGroup: the first failure cancels the siblings (creation order) and the body; one ExceptionGroup; the parent ends uncancelled."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
