"""The EventLoop benchmark workloads on CPython 3.11 asyncio, on a virtual clock.

The loop is asyncio's own SelectorEventLoop (so ``_run_once``, the C ``_asyncio.Task``/``Future`` and
``tasks.gather`` are CPython's unmodified code) with two changes: ``time()`` reads a virtual clock, and the
selector, instead of blocking for ``timeout`` seconds, moves that clock to the earliest timer's deadline. Timers
fire at their deadline, never early (the clock resolution is one ulp), as on the C# loop.

    python3 workloads.py                 # every workload once, printed as a table
    python3 workloads.py W1 W4           # some of them
    python3 workloads.py --serve         # the side-by-side runner's protocol (one JSON line per request)

The timed runs use the plain virtual loop; iterations and callbacks are counted in a separate run on a counting
subclass, so that counting costs the timed runs nothing.
"""

import asyncio
import collections
import json
import math
import random
import selectors
import sys
import time
import types

# (workload, default N, what one op is)
WORKLOADS = [
    ("W1", 200_000, "Sleep(0) switch"),
    ("W1b", 200_000, "bare-yield switch"),
    ("W2", 200_000, "Sleep(0) switch"),
    ("W3", 50_000, "task"),
    ("W4", 20_000, "task"),
    ("W5", 20_000, "task through the semaphore"),
    ("W6", 1_000_000, "level"),
    ("W6y", 1_000_000, "level"),
    ("W7", 100_000, "item through the queue"),
]

CHAIN_DEPTH = 100
ROUND_ROBIN_TASKS = 1000
SEMAPHORE_PERMITS = 10
QUEUE_MAXSIZE = 100


class VirtualDeadlock(RuntimeError):
    """Nothing is ready and no timer is scheduled: a real loop would block forever."""


class _VirtualSelector(selectors.SelectSelector):
    """Keeps the loop's self-pipe registered as usual; 'waiting' moves the virtual clock instead of blocking."""

    def __init__(self, loop):
        super().__init__()
        self._loop = loop

    def select(self, timeout=None):
        loop = self._loop
        if timeout is None:
            raise VirtualDeadlock("nothing is ready and no timer is scheduled")
        if timeout > 0:
            # Jump exactly to the earliest deadline: now + timeout may round away from it.
            if timeout < asyncio.base_events.MAXIMUM_SELECT_TIMEOUT:
                loop._vnow = loop._scheduled[0]._when
            else:
                loop._vnow += timeout
            loop._clock_resolution = math.ulp(loop._vnow)
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    """asyncio's selector loop on a virtual clock that starts at 0.0."""

    def __init__(self):
        self._vnow = 0.0
        super().__init__(_VirtualSelector(self))
        # _run_once fires timers with when < now + resolution: one ulp makes that when <= now.
        self._clock_resolution = math.ulp(0.0)

    def time(self):
        return self._vnow


class _CountingDeque(collections.deque):
    def __init__(self, loop):
        super().__init__()
        self._loop = loop

    def popleft(self):
        handle = super().popleft()
        if not handle._cancelled:
            self._loop.callbacks += 1
        return handle


class CountingLoop(VirtualLoop):
    """Counts iterations (``_run_once`` calls) and callbacks run, as ``Loop.Iteration`` and the C# counter do."""

    def __init__(self):
        super().__init__()
        self.iterations = 0
        self.callbacks = 0
        self._ready = _CountingDeque(self)

    def _run_once(self):
        self.iterations += 1
        super()._run_once()


async def _yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)


@types.coroutine
def _bare_yield():
    # What asyncio.sleep(0) awaits (tasks.__sleep0): a bare yield, without the sleep coroutine around it.
    yield


async def _bare_yielder(n):
    for _ in range(n):
        await _bare_yield()


async def _worker(k):
    for _ in range(k):
        await asyncio.sleep(0)
    return 0


async def _round_robin(n):
    await asyncio.gather(*[_worker(n // ROUND_ROBIN_TASKS) for _ in range(ROUND_ROBIN_TASKS)])


async def _trivial():
    return 0


async def _spawn(n):
    await asyncio.gather(*[_trivial() for _ in range(n)])


async def _sleeper(delay):
    await asyncio.sleep(delay)
    return 0


async def _timers(delays):
    await asyncio.gather(*[_sleeper(d) for d in delays])


async def _semaphore_worker(semaphore):
    async with semaphore:
        await asyncio.sleep(0)
    return 0


async def _semaphore(n):
    semaphore = asyncio.Semaphore(SEMAPHORE_PERMITS)
    await asyncio.gather(*[_semaphore_worker(semaphore) for _ in range(n)])


async def _producer(queue, n):
    for i in range(n):
        await queue.put(i)
    return 0


async def _consumer(queue, n):
    for _ in range(n):
        await queue.get()
    return 0


async def _queue(n):
    queue = asyncio.Queue(maxsize=QUEUE_MAXSIZE)
    await asyncio.gather(_producer(queue, n), _consumer(queue, n))


async def _chain(depth):
    if depth == 0:
        return 0
    return await _chain(depth - 1)


async def _chain_yield(depth):
    if depth == 0:
        await asyncio.sleep(0)
        return 0
    return await _chain_yield(depth - 1)


async def _chains(n, chain):
    for _ in range(n // CHAIN_DEPTH):
        await chain(CHAIN_DEPTH - 1)


def _main(name, n):
    if name == "W1":
        return _yielder(n)
    if name == "W1b":
        return _bare_yielder(n)
    if name == "W2":
        return _round_robin(n)
    if name == "W3":
        return _spawn(n)
    if name == "W4":
        rng = random.Random(42)
        return _timers([rng.random() for _ in range(n)])
    if name == "W5":
        return _semaphore(n)
    if name == "W6":
        return _chains(n, _chain)
    if name == "W6y":
        return _chains(n, _chain_yield)
    if name == "W7":
        return _queue(n)
    raise ValueError(f"unknown workload {name!r}: expected one of {[w for w, _, _ in WORKLOADS]}")


def run_timed(name, n):
    """Runs the workload once on a fresh virtual loop; returns ops per second."""
    loop = VirtualLoop()
    try:
        main = _main(name, n)
        start = time.perf_counter()
        loop.run_until_complete(main)
        elapsed = time.perf_counter() - start
    finally:
        loop.close()
    return n / elapsed


def run_counted(name, n):
    """Runs the workload once on a counting loop; returns (iterations, callbacks)."""
    loop = CountingLoop()
    try:
        loop.run_until_complete(_main(name, n))
        return loop.iterations, loop.callbacks
    finally:
        loop.close()


def serve():
    """One request a line: 'version', 'time W N', 'count W N' or 'quit'; one JSON object a line in answer."""
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "quit":
            break
        if parts[0] == "version":
            print(json.dumps({"version": sys.version.split()[0]}), flush=True)
            continue
        kind, name, n = parts[0], parts[1], int(parts[2])
        if kind == "time":
            answer = {"ops_per_sec": run_timed(name, n)}
        else:
            iterations, callbacks = run_counted(name, n)
            answer = {"iterations": iterations, "callbacks": callbacks}
        print(json.dumps(answer), flush=True)


def main(argv):
    if argv[:1] == ["--serve"]:
        serve()
        return
    wanted = set(argv)
    print(f"CPython {sys.version.split()[0]} asyncio, virtual clock")
    print(f"{'workload':<8} {'N':>8} {'op':<16} {'ops/s':>12} {'iter/op':>8} {'cb/op':>8}")
    for name, n, op in WORKLOADS:
        if wanted and name not in wanted:
            continue
        ops = run_timed(name, n)
        iterations, callbacks = run_counted(name, n)
        print(f"{name:<8} {n:>8} {op:<16} {ops:>12,.0f} {iterations / n:>8.4f} {callbacks / n:>8.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
