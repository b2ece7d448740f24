"""Nested timeouts: the one whose deadline passed raises TimeoutError; with equal deadlines the outer one does."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


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
