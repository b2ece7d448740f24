#!/usr/bin/env python3
"""Runs programs made by generate.py on CPython 3.11 asyncio (on vloop's virtual clock) and prints their log.

    python3 run_program.py PROGRAM.json            # print the log
    python3 run_program.py --write A.json B.json   # write A.out, B.out next to them (one process for all)
    python3 run_program.py --write --suffix .out2 A.json  # write A.out2

The log (format in README.md) is what the C# interpreter (tests/EventLoop.Tests/Differential/) must print too.
"""

import asyncio
import io
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/conformance"))
import vloop  # noqa: E402

# A task created during the shutdown may never start; CPython then warns "coroutine ... was never awaited" when the
# garbage collector gets to it (in a later run of the same process). Not part of the compared log (README.md).
warnings.filterwarnings("ignore", message="coroutine .* was never awaited", category=RuntimeWarning)


def describe_exception(exc):
    """Type:message; an exception group adds its exceptions in brackets."""
    text = f"{type(exc).__name__}:{exc}"
    if isinstance(exc, BaseExceptionGroup):
        text += f" [{', '.join(describe_exception(e) for e in exc.exceptions)}]"
    return text


def number(value):
    return "None" if value is None else f"{value}"


def make_resource(spec):
    if spec["kind"] == "lock":
        return asyncio.Lock()
    return {"semaphore": asyncio.Semaphore, "bounded_semaphore": asyncio.BoundedSemaphore}[spec["kind"]](spec["value"])


def outcome(value):
    if isinstance(value, BaseException):
        return describe_exception(value)
    return f"result={value}"


def final_state(task):
    """result=N, ExcType:msg or CancelledError:msg (through result(), as a user would ask), or pending."""
    if not task.done():
        return "pending"
    try:
        return outcome(task.result())
    except BaseException as exc:  # noqa: B036 - CancelledError included on purpose
        return describe_exception(exc)


class Interpreter:
    def __init__(self, program, out):
        self.program = program
        self.out = out
        self.tasks = {}          # task index -> asyncio.Task, filled in creation order
        self.resources = [make_resource(r) for r in program.get("resources") or []]
        self.events = [asyncio.Event() for _ in range(program.get("events") or 0)]
        self.queues = [asyncio.Queue(maxsize) for maxsize in program.get("queues") or []]

    def write(self, line):
        self.out.write(line + "\n")

    def log(self, text):
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        name = task.get_name() if task is not None else "-"
        self.write(f"t={loop.time():.3f} it={loop.iteration} task={name} {text}")

    def exception_handler(self, loop, context):
        message = str(context.get("message"))
        if "never retrieved" in message:
            # CPython says it when the object is collected (its timing is the garbage collector's), the library
            # when the loop closes: not part of the compared log (README.md).
            return
        parts = [f"exception handler t={loop.time():.3f}: {message}"]
        if context.get("exception") is not None:
            parts.append(describe_exception(context["exception"]))
        task = context.get("task")
        if isinstance(task, asyncio.Task):
            parts.append(f"task={task.get_name()}")
        self.write(" | ".join(parts))

    def register(self, index, task):
        task._log_destroy_pending = False   # a task left pending after close is reported in the final states
        self.tasks[index] = task

    async def main(self):
        task = asyncio.current_task()
        task.set_name(self.program["tasks"][0]["name"])
        self.register(0, task)
        return await self.run_body(0)

    async def run_body(self, index):
        spec = self.program["tasks"][index]
        self.log("start")
        await self.block(spec["body"])
        self.log(f"return {spec['result']}")
        return spec["result"]

    async def block(self, statements):
        for statement in statements:
            await EXEC[statement["op"]](self, statement)

    def name(self, index):
        return self.program["tasks"][index]["name"]

    # -- the constructs ----------------------------------------------------------------------------------------

    async def sleep(self, s):
        await asyncio.sleep(s["delay"])
        self.log(f"slept {s['delay']}")

    async def note(self, s):
        self.log(f"note {s['text']}")

    async def spawn(self, s):
        index = s["task"]
        task = asyncio.create_task(self.run_body(index), name=self.name(index))
        self.register(index, task)
        self.log(f"spawn {task.get_name()}")

    async def await_(self, s):
        task = self.tasks[s["task"]]
        what = f"await {task.get_name()}"
        if not s["catch"]:
            self.log(f"{what} -> {outcome(await task)}")
            return
        try:
            result = await task
        except (asyncio.CancelledError, Exception) as exc:
            self.log(f"{what} -> {describe_exception(exc)}")
        else:
            self.log(f"{what} -> {outcome(result)}")

    async def gather(self, s):
        tasks = [self.tasks[i] for i in s["tasks"]]
        what = f"gather [{','.join(t.get_name() for t in tasks)}] return_exceptions={s['return_exceptions']}"
        gathering = asyncio.gather(*tasks, return_exceptions=s["return_exceptions"])
        if not s["catch"]:
            results = await gathering
        else:
            try:
                results = await gathering
            except (asyncio.CancelledError, Exception) as exc:
                self.log(f"{what} -> {describe_exception(exc)}")
                return
        self.log(f"{what} -> [{', '.join(outcome(r) for r in results)}]")

    async def cancel(self, s):
        task = self.tasks[s["task"]]
        result = task.cancel(s["msg"]) if s["msg"] is not None else task.cancel()
        self.log(f"cancel {task.get_name()} msg={s['msg']} -> {result}")

    async def raise_(self, s):
        self.log(f"raise ValueError:{s['msg']}")
        raise ValueError(s["msg"])

    async def try_(self, s):
        kind = {"ValueError": ValueError, "CancelledError": asyncio.CancelledError, "Exception": Exception}[s["except"]]
        try:
            await self.block(s["body"])
        except kind as exc:
            self.log(f"caught {describe_exception(exc)} by except {s['except']}")
            await self.block(s["handler"])
            if s["reraise"]:
                self.log(f"reraise {describe_exception(exc)}")
                raise

    async def call_soon(self, s):
        label = s["label"]
        asyncio.get_running_loop().call_soon(lambda: self.log(f"callback {label}"))
        self.log(f"call_soon {label}")

    async def call_later(self, s):
        label = s["label"]
        handle = asyncio.get_running_loop().call_later(s["delay"], lambda: self.log(f"callback {label}"))
        self.log(f"call_later {label} delay={s['delay']} deadline={handle.when():.3f}")

    async def add_done_callback(self, s):
        task = self.tasks[s["task"]]
        label = s["label"]
        task.add_done_callback(lambda t: self.log(f"done-callback {label} {t.get_name()} {final_state(t)}"))
        self.log(f"add_done_callback {label} {task.get_name()}")

    # -- the rich profile's constructs -------------------------------------------------------------------------

    async def logged_await(self, what, make, catch):
        """Awaits make(), logs the outcome; with catch an exception or cancellation is logged instead of raised."""
        if not catch:
            self.log(f"{what} -> {outcome(await make())}")
            return
        try:
            result = await make()
        except (asyncio.CancelledError, Exception) as exc:
            self.log(f"{what} -> {describe_exception(exc)}")
        else:
            self.log(f"{what} -> {outcome(result)}")

    async def wait(self, s):
        tasks = [self.tasks[i] for i in s["tasks"]]
        what = (f"wait [{','.join(t.get_name() for t in tasks)}] timeout={number(s['timeout'])} "
                f"return_when={s['return_when']}")
        done, pending = await asyncio.wait(tasks, timeout=s["timeout"], return_when=getattr(asyncio, s["return_when"]))
        names = lambda ts: ",".join(t.get_name() for t in vloop.creation_order(ts))  # noqa: E731
        self.log(f"{what} -> done=[{names(done)}] pending=[{names(pending)}]")

    async def wait_for(self, s):
        task = self.tasks[s["task"]]
        await self.logged_await(f"wait_for {task.get_name()} timeout={number(s['timeout'])}",
                                lambda: asyncio.wait_for(task, s["timeout"]), s["catch"])

    async def shield(self, s):
        task = self.tasks[s["task"]]
        await self.logged_await(f"shield {task.get_name()}", lambda: asyncio.shield(task), s["catch"])

    async def timeout(self, s):
        async with asyncio.timeout(s["delay"]) as scope:
            when = scope.when()
            self.log(f"timeout {number(s['delay'])} enter when={'None' if when is None else f'{when:.3f}'}")
            await self.block(s["body"])
        self.log(f"timeout {number(s['delay'])} exit expired={scope.expired()}")

    async def task_group(self, s):
        async def run():
            async with asyncio.TaskGroup() as group:
                self.log("task_group enter")
                for statement in s["body"]:
                    if statement["op"] == "group_spawn":
                        index = statement["task"]
                        task = group.create_task(self.run_body(index), name=self.name(index))
                        self.register(index, task)
                        self.log(f"group_spawn {task.get_name()}")
                    else:
                        await EXEC[statement["op"]](self, statement)

        async def ok():
            await run()
            return "ok"
        await self.logged_await("task_group", ok, s["catch"])

    async def acquire(self, s):
        index = s["resource"]
        async with self.resources[index]:
            self.log(f"acquired r{index}")
            await self.block(s["body"])
            self.log(f"release r{index}")

    async def event_set(self, s):
        self.events[s["event"]].set()
        self.log(f"event_set v{s['event']}")

    async def event_clear(self, s):
        self.events[s["event"]].clear()
        self.log(f"event_clear v{s['event']}")

    async def guarded(self, s, make):
        """make() under a deadline (asyncio.timeout or wait_for); its result, or the TimeoutError, described."""
        try:
            if s["via"] == "timeout":
                async with asyncio.timeout(s["timeout"]):
                    return await make()
            return await asyncio.wait_for(make(), s["timeout"])
        except TimeoutError as exc:
            return describe_exception(exc)

    def guard(self, s):
        return f"via={s['via']} timeout={number(s['timeout'])}"

    async def event_wait(self, s):
        event = self.events[s["event"]]

        async def wait():
            return f"{await event.wait()}"
        result = await self.guarded(s, wait)
        self.log(f"event_wait v{s['event']} {self.guard(s)} -> {result}")

    async def queue_put(self, s):
        queue = self.queues[s["queue"]]

        async def put():
            await queue.put(s["item"])
            return "ok"
        result = await self.guarded(s, put)
        self.log(f"queue_put q{s['queue']} {s['item']} {self.guard(s)} -> {result}")

    async def queue_get(self, s):
        queue = self.queues[s["queue"]]
        got = []

        async def get():
            item = await queue.get()
            got.append(item)
            return item
        result = await self.guarded(s, get)
        if got and s["task_done"]:
            queue.task_done()
            result += " task_done"
        self.log(f"queue_get q{s['queue']} {self.guard(s)} -> {result}")

    async def queue_join(self, s):
        queue = self.queues[s["queue"]]

        async def join():
            await queue.join()
            return "ok"
        result = await self.guarded(s, join)
        self.log(f"queue_join q{s['queue']} {self.guard(s)} -> {result}")

    async def uncancel(self, s):
        task = asyncio.current_task()
        cancelling = task.cancelling()
        self.log(f"uncancel cancelling={cancelling} -> {task.uncancel()}")

    async def cancel_self(self, s):
        task = asyncio.current_task()
        result = task.cancel(s["msg"]) if s["msg"] is not None else task.cancel()
        self.log(f"cancel self msg={s['msg']} -> {result}")

    # -- the whole run -----------------------------------------------------------------------------------------

    def run(self):
        try:
            result = vloop.run(self.main(), exception_handler=self.exception_handler)
        except (asyncio.CancelledError, Exception) as exc:
            self.write(f"run -> {describe_exception(exc)}")
        else:
            self.write(f"run -> {outcome(result)}")
        self.write(f"elapsed={vloop.last_finish_time():.3f}")
        for index, task in self.tasks.items():
            self.write(f"final {task.get_name()} {final_state(task)}")


EXEC = {
    "sleep": Interpreter.sleep,
    "log": Interpreter.note,
    "spawn": Interpreter.spawn,
    "await": Interpreter.await_,
    "gather": Interpreter.gather,
    "cancel": Interpreter.cancel,
    "raise": Interpreter.raise_,
    "try": Interpreter.try_,
    "call_soon": Interpreter.call_soon,
    "call_later": Interpreter.call_later,
    "add_done_callback": Interpreter.add_done_callback,
    "wait": Interpreter.wait,
    "wait_for": Interpreter.wait_for,
    "shield": Interpreter.shield,
    "timeout": Interpreter.timeout,
    "task_group": Interpreter.task_group,
    "acquire": Interpreter.acquire,
    "event_set": Interpreter.event_set,
    "event_clear": Interpreter.event_clear,
    "event_wait": Interpreter.event_wait,
    "queue_put": Interpreter.queue_put,
    "queue_get": Interpreter.queue_get,
    "queue_join": Interpreter.queue_join,
    "uncancel": Interpreter.uncancel,
    "cancel_self": Interpreter.cancel_self,
}


# Every interpreter of this process, kept until it exits: tasks left pending (the ones wait_for creates during the
# shutdown too) are then never collected, so neither "Task was destroyed but it is pending!" nor the closing of their
# coroutines happens while a later program runs (README.md, "Left out").
_finished = []


def run_to_text(program):
    out = io.StringIO()
    interpreter = Interpreter(program, out)
    interpreter.run()
    _finished.append(interpreter)
    return out.getvalue()


def main(argv):
    if len(argv) == 2:
        with open(argv[1]) as f:
            sys.stdout.write(run_to_text(json.load(f)))
    elif len(argv) >= 2 and argv[1] == "--write":
        suffix, paths = ".out", argv[2:]
        if paths[:1] == ["--suffix"]:
            suffix, paths = paths[1], paths[2:]
        for path in paths:
            with open(path) as f:
                text = run_to_text(json.load(f))
            with open(os.path.splitext(path)[0] + suffix, "w") as f:
                f.write(text)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.flush()
    # Pending tasks of finished runs must not be collected and reported while the interpreter exits.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
