#!/usr/bin/env python3
"""Random asyncio programs as data, for differential testing (CPython 3.11 vs the EventLoop library).

    python3 generate.py SEED            # print the program of SEED as JSON
    python3 generate.py --out DIR A B   # write DIR/NNNN.json for seeds A..B-1 (DIR/big-NNNN.json with --big)
    --big (first argument)              # larger programs: up to 16 tasks, 10 statements, try depth 3
    --dense (first argument)            # delays 0 and 0.1 only (many ties), twice the cancels and try blocks
    --rich (first argument)             # also wait, wait_for, timeout, shield, TaskGroup, locks, semaphores,
                                        # events, queues, uncancel, self-cancellation (up to 10 tasks)
    --richbig, --richdense              # the same constructs, as large as --big / as tied as --dense
    --richcancel                        # the same, with short delays and twice the cancels, uncancels,
                                        # self-cancels, timeouts, try blocks, task groups and wait_fors

A program is a list of task bodies; body 0 is main (task t0), body i runs in task ti, spawned by exactly one
spawn statement of a body with a smaller index. The format is described in README.md. Every program terminates:
sizes are bounded, and a task only awaits tasks it knows of that are not its ancestors (every such edge goes to a
task that ends earlier in a post-order walk of the spawn tree, so no await cycle exists). The rich profiles keep
that: a task group waits for its own children only; locks and semaphores are acquired in index order and a holder
never waits for another task without a deadline; waits on events and queues always have a deadline.

Adding a construct: write a generator function below, register it in STATEMENTS with a weight and a predicate
saying when it may be used, and add the same op to run_program.py and to the C# interpreter.
"""

import json
import os
import random
import sys

FORMAT = 1
DELAYS = [0, 0.1, 0.25, 0.5, 1, 2]
SIZES = {
    "small": {"max_tasks": 8, "max_statements": 6, "max_depth": 2},   # the corpus
    "big": {"max_tasks": 16, "max_statements": 10, "max_depth": 3},
    "dense": {"max_tasks": 12, "max_statements": 8, "max_depth": 2, "delays": [0, 0.1], "boost": ("cancel", "try_")},
    # the constructs of asyncio beyond tasks and gather: wait, wait_for, timeout, shield, TaskGroup, locks,
    # semaphores, events, queues, uncancel, self-cancellation
    "rich": {"max_tasks": 10, "max_statements": 6, "max_depth": 2, "rich": True},
    "richbig": {"max_tasks": 16, "max_statements": 10, "max_depth": 3, "rich": True},
    "richdense": {"max_tasks": 12, "max_statements": 8, "max_depth": 2, "delays": [0, 0.1], "rich": True,
                  "boost": ("cancel", "acquire", "queue_put", "queue_get", "event_set", "task_group")},
    "richcancel": {"max_tasks": 10, "max_statements": 8, "max_depth": 3, "delays": [0, 0.1, 0.25], "rich": True,
                   "boost": ("cancel", "uncancel", "cancel_self", "timeout", "try_", "task_group", "wait_for")},
}
RETURN_WHEN = ["ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"]
RESOURCE_KINDS = ["lock", "semaphore", "bounded_semaphore"]
GUARDS = ["timeout", "wait_for"]
EXCEPT_KINDS = ["ValueError", "CancelledError", "Exception"]


class Scope:
    """What a statement may refer to at its position in a body."""

    def __init__(self, task, known, ancestors, depth, held=-1, group=False):
        self.task = task              # index of the body being generated
        self.known = known            # task indexes whose handles this body holds, in the order it got them
        self.ancestors = ancestors    # indexes of the tasks above this one in the spawn tree
        self.depth = depth            # nesting depth of blocks (0 = top level of the body)
        self.held = held              # the highest resource (lock, semaphore) held here, -1 for none
        self.group = group            # directly in a task_group block (group_spawn allowed)

    @property
    def free(self):
        """No resource held: waits that depend on other tasks are allowed (a holder never waits for a task)."""
        return self.held < 0

    def awaitable(self):
        return [k for k in self.known if k not in self.ancestors]

    def nested(self, held=None, known=None, group=False):
        return Scope(self.task, self.known if known is None else known, self.ancestors, self.depth + 1,
                     self.held if held is None else held, group)


class Generator:
    def __init__(self, seed, size="small"):
        self.seed = seed
        self.max_tasks = SIZES[size]["max_tasks"]
        self.max_statements = SIZES[size]["max_statements"]
        self.max_depth = SIZES[size]["max_depth"]
        self.delays = SIZES[size].get("delays", DELAYS)
        self.boost = SIZES[size].get("boost", ())
        self.rich = SIZES[size].get("rich", False)
        self.rng = random.Random(seed)
        self.bodies = {}
        self.next_task = 1
        self.labels = 0
        self.resources = []
        self.events = 0
        self.queues = []

    def label(self, prefix):
        self.labels += 1
        return f"{prefix}{self.labels}"

    def program(self):
        if self.rich:
            self.resources = [{"kind": k, "value": 1 if k == "lock" else self.rng.randint(1, 2)}
                              for k in (self.rng.choice(RESOURCE_KINDS) for _ in range(self.rng.randint(1, 3)))]
            self.events = self.rng.randint(1, 2)
            self.queues = [self.rng.choice([0, 1, 1, 2]) for _ in range(self.rng.randint(1, 2))]
        self.bodies[0] = None
        self.bodies[0] = self.body(Scope(0, [], [], 0))
        tasks = [{"name": f"t{i}", "result": i * 10 + self.rng.randint(0, 9), "body": self.bodies[i]}
                 for i in range(self.next_task)]
        program = {"format": FORMAT, "seed": self.seed, "tasks": tasks}
        if self.rich:
            program.update(resources=self.resources, events=self.events, queues=self.queues)
        return program

    def body(self, scope):
        n = self.rng.randint(1, self.max_statements if scope.depth == 0 else 3)
        return self.block(scope, n)

    def block(self, scope, n):
        out = []
        for _ in range(n):
            out.append(self.statement(scope))
        return out

    def statement(self, scope):
        choices = [(w * (2 if f.__name__ in self.boost else 1), f) for (w, ok, f) in STATEMENTS if ok(self, scope)]
        total = sum(w for w, _ in choices)
        x = self.rng.uniform(0, total)
        for w, f in choices:
            x -= w
            if x <= 0:
                return f(self, scope)
        return choices[-1][1](self, scope)

    # -- the constructs ----------------------------------------------------------------------------------------

    def sleep(self, scope):
        return {"op": "sleep", "delay": self.rng.choice(self.delays)}

    def log(self, scope):
        return {"op": "log", "text": self.label("n")}

    def spawn(self, scope):
        child = self.next_task
        self.next_task += 1
        self.bodies[child] = None
        child_scope = Scope(child, scope.known + [scope.task], scope.ancestors + [scope.task], 0)
        self.bodies[child] = self.body(child_scope)
        scope.known.append(child)
        return {"op": "spawn", "task": child}

    def await_(self, scope):
        return {"op": "await", "task": self.rng.choice(scope.awaitable()), "catch": self.rng.random() < 0.8}

    def gather(self, scope):
        pool = scope.awaitable()
        tasks = [self.rng.choice(pool) for _ in range(self.rng.randint(1, 3))]
        return {"op": "gather", "tasks": tasks, "return_exceptions": self.rng.random() < 0.5,
                "catch": self.rng.random() < 0.8}

    def cancel(self, scope):
        msg = self.label("m") if self.rng.random() < 0.7 else None
        return {"op": "cancel", "task": self.rng.choice(scope.known), "msg": msg}

    def raise_(self, scope):
        return {"op": "raise", "msg": self.label("e")}

    def try_(self, scope):
        inner = scope.nested()
        return {"op": "try", "body": self.block(inner, self.rng.randint(1, 3)),
                "except": self.rng.choice(EXCEPT_KINDS),
                "handler": self.block(inner, self.rng.randint(0, 2)),
                "reraise": self.rng.random() < 0.3}

    def call_soon(self, scope):
        return {"op": "call_soon", "label": self.label("c")}

    def call_later(self, scope):
        return {"op": "call_later", "delay": self.rng.choice(self.delays), "label": self.label("c")}

    def add_done_callback(self, scope):
        return {"op": "add_done_callback", "task": self.rng.choice(scope.known), "label": self.label("d")}

    # -- the rich profile's constructs -------------------------------------------------------------------------

    def timeout_value(self):
        return self.rng.choice(self.delays)

    def wait(self, scope):
        pool = scope.awaitable()
        tasks = self.rng.sample(pool, self.rng.randint(1, min(3, len(pool))))
        timeout = self.timeout_value() if self.rng.random() < 0.5 else None
        return {"op": "wait", "tasks": tasks, "timeout": timeout, "return_when": self.rng.choice(RETURN_WHEN)}

    def wait_for(self, scope):
        return {"op": "wait_for", "task": self.rng.choice(scope.awaitable()), "timeout": self.timeout_value(),
                "catch": self.rng.random() < 0.8}

    def shield(self, scope):
        return {"op": "shield", "task": self.rng.choice(scope.awaitable()), "catch": self.rng.random() < 0.8}

    def timeout(self, scope):
        delay = self.timeout_value() if self.rng.random() < 0.85 else None
        return {"op": "timeout", "delay": delay, "body": self.block(scope.nested(), self.rng.randint(1, 3))}

    def task_group(self, scope):
        inner = scope.nested(known=list(scope.known), group=True)   # its children are known in the block only
        return {"op": "task_group", "body": self.block(inner, self.rng.randint(1, 4)), "catch": self.rng.random() < 0.7}

    def group_spawn(self, scope):
        return {"op": "group_spawn", "task": self.spawn(scope)["task"]}

    def acquire(self, scope):
        resource = self.rng.randint(scope.held + 1, len(self.resources) - 1)   # a global order: no lock cycle
        return {"op": "acquire", "resource": resource,
                "body": self.block(scope.nested(held=resource), self.rng.randint(1, 3))}

    def event_set(self, scope):
        return {"op": "event_set", "event": self.rng.randrange(self.events)}

    def event_clear(self, scope):
        return {"op": "event_clear", "event": self.rng.randrange(self.events)}

    def guarded(self, op, **fields):
        """A wait on a primitive, always under a deadline (so no program waits forever for a set or a put)."""
        return {"op": op, **fields, "timeout": self.timeout_value(), "via": self.rng.choice(GUARDS)}

    def event_wait(self, scope):
        return self.guarded("event_wait", event=self.rng.randrange(self.events))

    def queue_put(self, scope):
        return self.guarded("queue_put", queue=self.rng.randrange(len(self.queues)), item=self.label("i"))

    def queue_get(self, scope):
        get = self.guarded("queue_get", queue=self.rng.randrange(len(self.queues)))
        get["task_done"] = self.rng.random() < 0.7
        return get

    def queue_join(self, scope):
        return self.guarded("queue_join", queue=self.rng.randrange(len(self.queues)))

    def uncancel(self, scope):
        return {"op": "uncancel"}

    def cancel_self(self, scope):
        return {"op": "cancel_self", "msg": self.label("m") if self.rng.random() < 0.7 else None}


# (weight, may it be used here?, generator)
STATEMENTS = [
    (6, lambda g, s: True, Generator.sleep),
    (1, lambda g, s: True, Generator.log),
    (6, lambda g, s: s.depth == 0 and g.next_task < g.max_tasks, Generator.spawn),
    (3, lambda g, s: s.free and bool(s.awaitable()), Generator.await_),
    (2, lambda g, s: s.free and bool(s.awaitable()), Generator.gather),
    (2, lambda g, s: bool(s.known), Generator.cancel),
    (1, lambda g, s: True, Generator.raise_),
    (3, lambda g, s: s.depth < g.max_depth, Generator.try_),
    (1, lambda g, s: True, Generator.call_soon),
    (1, lambda g, s: True, Generator.call_later),
    (1, lambda g, s: bool(s.known), Generator.add_done_callback),
    # rich profile only; a resource holder never waits without a deadline for another task (see acquire)
    (2, lambda g, s: g.rich and s.free and bool(s.awaitable()), Generator.wait),
    (2, lambda g, s: g.rich and s.free and bool(s.awaitable()), Generator.wait_for),
    (1, lambda g, s: g.rich and s.free and bool(s.awaitable()), Generator.shield),
    (2, lambda g, s: g.rich and s.depth < g.max_depth, Generator.timeout),
    (2, lambda g, s: g.rich and s.free and s.depth < g.max_depth and g.next_task < g.max_tasks, Generator.task_group),
    (8, lambda g, s: g.rich and s.group and g.next_task < g.max_tasks, Generator.group_spawn),
    (3, lambda g, s: g.rich and s.depth < g.max_depth and s.held < len(g.resources) - 1, Generator.acquire),
    (1, lambda g, s: g.rich, Generator.event_set),
    (0.3, lambda g, s: g.rich, Generator.event_clear),
    (2, lambda g, s: g.rich, Generator.event_wait),
    (2, lambda g, s: g.rich, Generator.queue_put),
    (2, lambda g, s: g.rich, Generator.queue_get),
    (0.5, lambda g, s: g.rich, Generator.queue_join),
    (0.5, lambda g, s: g.rich, Generator.uncancel),
    (0.5, lambda g, s: g.rich, Generator.cancel_self),
]


def generate(seed, size="small"):
    return Generator(seed, size).program()


def dumps(program):
    """One task per line: diffs of a program stay readable."""
    tasks = ",\n  ".join(json.dumps(t) for t in program["tasks"])
    extra = "".join(f', "{k}": {json.dumps(program[k])}' for k in ("resources", "events", "queues") if k in program)
    return f'{{"format": {program["format"]}, "seed": {program["seed"]}{extra}, "tasks": [\n  {tasks}]}}\n'



def main(argv):
    size = "small"
    if argv[1:2] in (["--big"], ["--dense"], ["--rich"], ["--richbig"], ["--richdense"], ["--richcancel"]):
        size, argv = argv[1][2:], argv[:1] + argv[2:]
    if len(argv) == 2:
        sys.stdout.write(dumps(generate(int(argv[1]), size)))
        return 0
    if len(argv) == 5 and argv[1] == "--out":
        out, first, last = argv[2], int(argv[3]), int(argv[4])
        os.makedirs(out, exist_ok=True)
        for seed in range(first, last):
            prefix = "" if size == "small" else size + "-"
            with open(os.path.join(out, f"{prefix}{seed:04d}.json"), "w") as f:
                f.write(dumps(generate(seed, size)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
