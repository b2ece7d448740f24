#!/bin/bash
# Compares, for every tutorial port (or the names given), the callbacks the C# loop ran with those CPython's loop
# ran under vloop (kind, task, iteration, time). Run from the repository root after `dotnet build`.
# usage: tests/EventLoop.Tests/Observation/vloop/compare.sh [PATH/TO/shared/conformance] [NAME...]
conformance=${1:-../shared/conformance}
[ $# -gt 0 ] && shift
here=$(dirname "$0")
names="$*"
[ -z "$names" ] && names=$(dotnet examples/Tutorial/bin/Debug/net10.0/Tutorial.dll --list)
status=0
for name in $names; do
    if diff <(python3 "$here/trace_seed.py" "$conformance" "$name") \
            <(dotnet examples/Tutorial/bin/Debug/net10.0/Tutorial.dll "$name" --vloop | sed -n '/^  it=\|^=== loop/,$p') >/tmp/vloop-diff.$$ 2>&1; then
        echo "same     $name"
    else
        echo "DIFFERS  $name"; cat /tmp/vloop-diff.$$; status=1
    fi
done
rm -f /tmp/vloop-diff.$$
exit $status
