"""Nested TaskGroups: the inner group's ExceptionGroup fails the outer body, so the outer group cancels its children and nests the group."""
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
