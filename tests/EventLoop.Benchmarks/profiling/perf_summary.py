"""Summarizes a `perf` profile of a .NET process: where the samples fall, and per instruction inside one method.

JIT-compiled code is named in perf's reports only when the runtime writes a perf map and does not double-map its
code (with W^X on, samples land in an anonymous "doublemapper" mapping). Record with both switches:

    DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 \\
        perf record -F 2000 --call-graph dwarf,1024 -o run.data dotnet <program> <args>
    perf script -i run.data > run.txt
    python3 perf_summary.py categories run.txt

`--call-graph dwarf` is what names the caller of a runtime helper: frame pointers skip it, since the runtime's helpers
set up no frame. `categories` sorts each sample by its innermost frame, with the runtime's allocation (the helper, the
clearing of fresh memory, its thread-local allocation context) and the write barriers apart from managed code.

For a method's instructions, record without call graphs and have the JIT print the method's code in the same process
(the code of two processes may differ):

    DOTNET_JitStdOutFile=disasm.txt DOTNET_JitDisasm='RunFrames' DOTNET_JitDisasmWithCodeBytes=1 \\
    DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 perf record -F 10000 -o run.data dotnet <program> <args>
    python3 perf_summary.py annotate run.data /tmp/perf-<pid>.map disasm.txt 'LoopTask::RunFrames'

A sample is counted at the instruction after the one that stalled, as perf's own annotations are.
"""

import collections
import re
import subprocess
import sys


def frame_name(line):
    return re.sub(r"^\S+\s+", "", line.strip())


def categories(script_path, top=20):
    counts = collections.Counter()
    total = 0
    for sample in open(script_path).read().split("\n\n"):
        frames = [line.strip() for line in sample.strip().split("\n")[1:] if line.strip()]
        if not frames:
            continue
        total += 1
        inner, caller = frames[0], frames[1] if len(frames) > 1 else ""
        if "memset" in inner:
            kind = "allocation: clearing fresh memory"
        elif "__tls_get_addr" in inner:
            kind = ("allocation: the thread's allocation context (thread-local)" if "libcoreclr" in caller
                    else "thread-static read from managed code")
        elif "WriteBarrier" in inner:
            kind = "write barrier"
        elif "libcoreclr" in inner and caller and "libcoreclr" not in caller:
            kind = "runtime helper, called from " + re.sub(r"\+0x[0-9a-f]+.*", "", frame_name(caller))[:90]
        elif "libcoreclr" in inner:
            kind = "runtime, other"
        elif "[k]" in inner or "kernel" in inner:
            kind = "kernel"
        else:
            kind = re.sub(r"\+0x[0-9a-f]+.*", "", frame_name(inner))[:110]
        counts[kind] += 1
    for kind, count in counts.most_common(top):
        print(f"{100 * count / total:5.1f} %  {kind}")
    print(f"{total} samples")


def annotate(data_path, map_path, disasm_path, method):
    ranges = []
    for line in open(map_path):
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) == 3 and method in parts[2] and "[OptimizedTier1]" in parts[2]:
            ranges.append((int(parts[0], 16), int(parts[1], 16)))
    ips = subprocess.run(["perf", "script", "-i", data_path, "-F", "ip"], capture_output=True, text=True).stdout.split()
    at = collections.Counter()
    for ip in ips:
        address = int(ip, 16)
        for start, size in ranges:
            if start <= address < start + size:
                at[address - start] += 1
    print(f"{sum(at.values())} of {len(ips)} samples in {method}")
    listings = [text for text in open(disasm_path).read().split("; Assembly listing for method ")
                if method.replace("::", ":") in text.split("\n")[0] and "(Tier1)" in text.split("\n")[0]]
    if not listings:
        sys.exit(f"no Tier1 listing of {method} in {disasm_path}")
    offset = 0
    for line in listings[-1].split("\n"):
        block = re.search(r";; offset=0x([0-9A-F]+)", line)
        if block:
            offset = int(block.group(1), 16)
            print(line)
            continue
        instruction = re.match(r"\s+([0-9A-F]+)\s{2,}(.*)", line)
        if instruction:
            length = len(instruction.group(1)) // 2
            count = sum(at[o] for o in range(offset, offset + length))
            print(f"{count:6d} {offset:5x}  {instruction.group(2)}")
            offset += length


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "categories":
        categories(sys.argv[2])
    elif len(sys.argv) == 6 and sys.argv[1] == "annotate":
        annotate(*sys.argv[2:])
    else:
        sys.exit(__doc__)
