"""gather without return_exceptions: the first exception reaches the awaiter at once, the other children keep running."""
import asyncio
from scenario import vloop, say, names, show, child  # noqa: F401


async def main():
    gathered = asyncio.gather(child("a", 1, fail=True), child("b", 2), child("c", 3))
    try:
        await gathered
    except ValueError as e:
        say(f"main caught {show(e)}")
    say(f"gather done={gathered.done()} cancel()={gathered.cancel()}")
    await asyncio.sleep(5)
    say("main end")


vloop.run(main())
print(f"elapsed={vloop.last_finish_time():.3f}")
