#!/usr/bin/env python3
"""Random asyncio programs as data, for differential testing (CPython 3.11 vs the EventLoop library).

    python3 generate.py SEED            # print the program of SEED as JSON
    python3 generate.py --out DIR A B   # write DIR/NNNN.json for seeds A..B-1 (DIR/big-NNNN.json with --big)
    --big (first argument)              # larger programs: up to 16 tasks, 10 statements, try depth 3
    --dense (first argument)            # delays 0 and 0.1 only (many ties), twice the cancels and try blocks

A program is a list of task bodies; body 0 is main (task t0), body i runs in task ti, spawned by exactly one
spawn statement of a body with a smaller index. The format is described in README.md. Every program terminates:
sizes are bounded, and a task only awaits tasks it knows of that are not its ancestors (every such edge goes to a
task that ends earlier in a post-order walk of the spawn tree, so no await cycle exists).

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
}
EXCEPT_KINDS = ["ValueError", "CancelledError", "Exception"]


class Scope:
    """What a statement may refer to at its position in a body."""

    def __init__(self, task, known, ancestors, depth):
        self.task = task              # index of the body being generated
        self.known = known            # task indexes whose handles this body holds, in the order it got them
        self.ancestors = ancestors    # indexes of the tasks above this one in the spawn tree
        self.depth = depth            # nesting depth of try blocks (0 = top level of the body)

    def awaitable(self):
        return [k for k in self.known if k not in self.ancestors]

    def nested(self):
        return Scope(self.task, self.known, self.ancestors, self.depth + 1)


class Generator:
    def __init__(self, seed, size="small"):
        self.seed = seed
        self.max_tasks = SIZES[size]["max_tasks"]
        self.max_statements = SIZES[size]["max_statements"]
        self.max_depth = SIZES[size]["max_depth"]
        self.delays = SIZES[size].get("delays", DELAYS)
        self.boost = SIZES[size].get("boost", ())
        self.rng = random.Random(seed)
        self.bodies = {}
        self.next_task = 1
        self.labels = 0

    def label(self, prefix):
        self.labels += 1
        return f"{prefix}{self.labels}"

    def program(self):
        self.bodies[0] = None
        self.bodies[0] = self.body(Scope(0, [], [], 0))
        tasks = [{"name": f"t{i}", "result": i * 10 + self.rng.randint(0, 9), "body": self.bodies[i]}
                 for i in range(self.next_task)]
        return {"format": FORMAT, "seed": self.seed, "tasks": tasks}

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


# (weight, may it be used here?, generator)
STATEMENTS = [
    (6, lambda g, s: True, Generator.sleep),
    (1, lambda g, s: True, Generator.log),
    (6, lambda g, s: s.depth == 0 and g.next_task < g.max_tasks, Generator.spawn),
    (3, lambda g, s: bool(s.awaitable()), Generator.await_),
    (2, lambda g, s: bool(s.awaitable()), Generator.gather),
    (2, lambda g, s: bool(s.known), Generator.cancel),
    (1, lambda g, s: True, Generator.raise_),
    (3, lambda g, s: s.depth < g.max_depth, Generator.try_),
    (1, lambda g, s: True, Generator.call_soon),
    (1, lambda g, s: True, Generator.call_later),
    (1, lambda g, s: bool(s.known), Generator.add_done_callback),
]


def generate(seed, size="small"):
    return Generator(seed, size).program()


def dumps(program):
    """One task per line: diffs of a program stay readable."""
    tasks = ",\n  ".join(json.dumps(t) for t in program["tasks"])
    return f'{{"format": {program["format"]}, "seed": {program["seed"]}, "tasks": [\n  {tasks}]}}\n'



def main(argv):
    size = "small"
    if argv[1:2] in (["--big"], ["--dense"]):
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
