"""What the combinator scenarios (01-49) share: vloop on the path, and the say/names/show/child/outcome helpers.

The scripts find vloop.py relative to this file, so the repository must sit next to shared/.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/conformance"))

import asyncio  # noqa: E402
import vloop  # noqa: E402


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


async def outcome(t):
    """How a task ended: repr of its result, its cancellation and message, or the type of its exception."""
    try:
        return repr(await t)
    except asyncio.CancelledError as e:
        return f"cancelled {str(e)!r}"
    except Exception as e:
        return type(e).__name__
