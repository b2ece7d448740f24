"""Runs a conformance seed script on vloop with a TraceRecorder on every loop it creates and prints, after the
script's own output, the callbacks each loop ran in TraceRecorder.format() form (one block per loop, separated by a
line '=== loop N ==='). Compare with `dotnet run --project examples/Tutorial -- NAME --vloop`.

usage: python3 trace_seed.py PATH/TO/shared/conformance NAME
"""
import io
import os
import runpy
import sys
from contextlib import redirect_stdout

conformance, name = sys.argv[1], sys.argv[2]
sys.path.insert(0, conformance)
import vloop  # noqa: E402

recorders = []
original_init = vloop.VirtualEventLoop.__init__


def traced_init(self):
    original_init(self)
    recorder = vloop.TraceRecorder()
    recorders.append(recorder)
    self.set_trace_hook(recorder)


vloop.VirtualEventLoop.__init__ = traced_init
output = io.StringIO()
with redirect_stdout(output):
    runpy.run_path(os.path.join(conformance, "seed", name + ".py"), run_name="__main__")
for index, recorder in enumerate(recorders, 1):
    if len(recorders) > 1:
        print(f"=== loop {index} ===")
    print(recorder.format())
