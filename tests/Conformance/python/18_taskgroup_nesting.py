"""Nested TaskGroups: the inner group's ExceptionGroup fails the outer body, so the outer group cancels its children and nests the group."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("deep", 1, fail=True), name="deep")
        tg.create_task(child("deep-sibling", 3), name="deep-sibling")


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child("outer-sibling", 3), name="outer-sibling")
            outer.create_task(inner_group(), name="inner-group")
            outer.create_task(child("outer-fail", 2, fail=True), name="outer-fail")
            await asyncio.sleep(5)
    except BaseExceptionGroup as eg:
        say(f"caught {show(eg)}")
        match, rest = eg.split(ValueError)
        say(f"split ValueError: match={show(match)} rest={rest}")

    try:
        async with asyncio.TaskGroup() as outer:
            async with asyncio.TaskGroup() as inner:
                inner.create_task(child("in-body", 1, fail=True), name="in-body")
                outer.create_task(child("outer-child", 3), name="outer-child")
    except BaseExceptionGroup as eg:
        say(f"caught {show(eg)}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
