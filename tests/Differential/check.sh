#!/usr/bin/env bash
# Differential check of the EventLoop library against CPython 3.11 (see README.md).
#
#   tests/Differential/check.sh seeds FIRST COUNT [DIR]   generate seeds FIRST..FIRST+COUNT-1 into DIR (default: a
#                                                         temporary folder), run them on CPython and on the library,
#                                                         report every disagreement (with the first diff)
#                                                         (PROFILE=big, dense, rich, richbig, richdense or
#                                                         richcancel: generate.py --big ...)
#   tests/Differential/check.sh csgen FIRST COUNT [DIR]   the same with programs of the C# generator (ProgramGen,
#                                                         the property tests' cases FIRST..FIRST+COUNT-1)
#   tests/Differential/check.sh corpus [COUNT]            regenerate tests/Differential/corpus (seeds 0..COUNT-1,
#                                                         default 600, EXTRA=100 seeds of --big and of --dense,
#                                                         RICH=400 seeds of --rich) with CPython's outputs, then
#                                                         replay it
#
# CPython's side runs twice with different hash seeds; outputs that differ are refused (they would not be facts).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tests="$here/../EventLoop.Tests"
python=${PYTHON:-python3}

run_cpython() {   # DIR: writes DIR/*.out, refuses nondeterministic outputs
    local dir=$1
    find "$dir" -name '*.json' -print0 | sort -z | xargs -0 env PYTHONHASHSEED=1 "$python" "$here/run_program.py" --write
    find "$dir" -name '*.json' -print0 | sort -z | xargs -0 env PYTHONHASHSEED=2 "$python" "$here/run_program.py" --write --suffix .out2
    local bad=0
    for out in "$dir"/*.out; do
        [[ "$out" == *.cs.out ]] && continue
        if ! cmp -s "$out" "${out%.out}.out2"; then echo "CPython is not deterministic on ${out%.out}.json"; bad=1; fi
    done
    rm -f "$dir"/*.out2
    return $bad
}

replay() {   # DIR: runs every program on the library; lists and diffs disagreements
    local dir=$1
    if DIFFERENTIAL_DIR="$dir" dotnet test "$tests" --filter "FullyQualifiedName~DifferentialFolderTests" --nologo -v q; then
        echo "all $(ls "$dir"/*.json | wc -l) programs agree with CPython"
        return 0
    fi
    for cs in "$dir"/*.cs.out; do
        local py=${cs%.cs.out}.out
        if ! cmp -s "$py" "$cs"; then
            echo "first disagreement: ${cs%.cs.out}.json (< CPython, > library)"
            diff "$py" "$cs" | head -40 || true
            break
        fi
    done
    return 1
}

case "${1:-}" in
    seeds)
        first=${2:?first seed}; count=${3:?count}
        dir=${4:-$(mktemp -d)}
        mkdir -p "$dir"
        "$python" "$here/generate.py" ${PROFILE:+--$PROFILE} --out "$dir" "$first" "$((first + count))"
        run_cpython "$dir"
        echo "programs and outputs in $dir"
        replay "$dir"
        ;;
    csgen)
        first=${2:?first case}; count=${3:?count}
        dir=${4:-$(mktemp -d)}
        mkdir -p "$dir"
        DIFFERENTIAL_GENERATE_DIR="$dir" DIFFERENTIAL_FIRST_CASE="$first" DIFFERENTIAL_CASES="$count" \
            dotnet test "$tests" --filter "FullyQualifiedName~DifferentialFolderTests.Write_programs" --nologo -v q
        run_cpython "$dir"
        echo "programs and outputs in $dir"
        replay "$dir"
        ;;
    corpus)
        count=${2:-600}
        EXTRA=${EXTRA:-100}
        RICH=${RICH:-400}
        rm -f "$here"/corpus/*.json "$here"/corpus/*.out
        "$python" "$here/generate.py" --out "$here/corpus" 0 "$count"
        "$python" "$here/generate.py" --big --out "$here/corpus" 0 "$EXTRA"
        "$python" "$here/generate.py" --dense --out "$here/corpus" 0 "$EXTRA"
        "$python" "$here/generate.py" --rich --out "$here/corpus" 0 "$RICH"
        run_cpython "$here/corpus"
        dotnet test "$tests" --filter "FullyQualifiedName~DifferentialCorpusTests" --nologo -v q
        ;;
    *)
        sed -n '2,16p' "$0"
        exit 2
        ;;
esac
