"""Nested timeouts: the one whose deadline passed raises TimeoutError; with equal deadlines the outer one does."""
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
    task = asyncio.current_task()
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                say(f"inner block: CancelledError inner.expired={inner.expired()}")
                raise
    except TimeoutError:
        say(f"outer raised TimeoutError outer.expired={outer.expired()} cancelling={task.cancelling()}")

    async with asyncio.timeout(5) as outer:
        try:
            async with asyncio.timeout(1) as inner:
                await asyncio.sleep(10)
        except TimeoutError:
            say(f"inner raised TimeoutError inner.expired={inner.expired()} outer.expired={outer.expired()}")
        await asyncio.sleep(1)
    say(f"outer finished expired={outer.expired()}")

    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                say(f"equal deadlines: inner lets CancelledError through, cancelling={task.cancelling()}")
                raise
    except TimeoutError:
        say(f"equal deadlines: outer raised TimeoutError inner.expired={inner.expired()} cancelling={task.cancelling()}")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
