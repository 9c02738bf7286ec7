#!/usr/bin/env bash
# Runs c-testsuite's single-exec tests (github.com/c-testsuite/c-testsuite) under crepl and,
# for comparison, under the system C compiler. The suite is not part of this repository:
# get a copy and pass its tests/single-exec directory.
#
#   bash tests/c-testsuite.sh /path/to/c-testsuite/tests/single-exec [crepl flags...]
#
# A test passes when the program exits 0 and its stdout+stderr equal FILE.c.expected.
# Prints one line per failure (crepl's first diagnostic) and the pass counts.
set -uo pipefail
dir=${1:?usage: c-testsuite.sh SINGLE_EXEC_DIR [crepl flags]}
shift
cd "$(dirname "$0")/.."
cargo build --release -q || exit 2
CREPL=$PWD/target/release/crepl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; ccpass=0; total=0
for f in "$dir"/*.c; do
  total=$((total + 1))
  exp="$f.expected"
  b=$(basename "$f")
  if cc -w -o "$tmp/a.out" "$f" -lm 2>/dev/null && (cd "$tmp" && timeout 10 ./a.out > "$tmp/cc.out" 2>&1) && cmp -s "$tmp/cc.out" "$exp"; then
    ccpass=$((ccpass + 1)); ccok=1
  else
    ccok=0
  fi
  # -w: compile-time warnings are not program output (cc runs with -w too).
  if (timeout 10 "$CREPL" -w "$@" "$f" > "$tmp/out" 2>&1) && cmp -s "$tmp/out" "$exp"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    why=$(grep -m1 -E "error|warning" "$tmp/out" | cut -c1-150)
    [ -z "$why" ] && why="output differs"
    echo "FAIL $b (cc: $([ $ccok = 1 ] && echo pass || echo fail)): $why"
  fi
done
echo "crepl: $pass/$total passed; cc: $ccpass/$total"
