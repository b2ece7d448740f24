"""A timeout around a TaskGroup: the deadline cancels the body, the group cancels its children and lets the cancellation out, the timeout turns it into TimeoutError; a TimeoutError of the body joins the group."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401

async def main():
    try:
        async with asyncio.timeout(1) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("a", 5), name="a")
                tg.create_task(child("b", 0.5), name="b")
    except TimeoutError:
        say(f"TimeoutError expired={cm.expired()} cancelling={asyncio.current_task().cancelling()}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 2, fail=True), name="c")
            async with asyncio.timeout(1):
                await asyncio.sleep(5)
    except* TimeoutError as eg:
        say(f"caught {show(eg)}")
    say("main continues")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
