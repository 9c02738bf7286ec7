#!/usr/bin/env bash
# Runs GCC's C torture execute tests (gcc/testsuite/gcc.c-torture/execute, also vendored in
# llvm-test-suite as SingleSource/Regression/C/gcc-c-torture/execute) under crepl. The suite
# is not part of this repository: get a copy and pass that directory.
#
#   bash tests/torture.sh /path/to/gcc-c-torture/execute [crepl flags...]
#
# Only the tests gcc builds (gnu11, -O0) and that exit 0 compiled by gcc count; a test
# passes when crepl's run exits 0 too (the tests call abort() on a wrong result). Prints
# one line per failure (crepl's first diagnostic) and the pass counts.
set -uo pipefail
dir=${1:?usage: torture.sh EXECUTE_DIR [crepl flags]}
shift
cd "$(dirname "$0")/.."
CREPL=${CREPL:-$PWD/target/release/crepl}
[ -x "$CREPL" ] || { cargo build --release -q || exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
counted=0; pass=0
for f in "$dir"/*.c; do
  n=$(basename "$f" .c)
  gcc -std=gnu11 -w -O0 -o "$tmp/a.out" "$f" -lm 2>/dev/null || continue
  (cd "$tmp" && timeout 5 ./a.out </dev/null >/dev/null 2>&1) || continue
  counted=$((counted + 1))
  if (cd "$tmp" && timeout 20 "$CREPL" -w "$@" "$f" </dev/null >/dev/null 2>"$tmp/err"); then
    pass=$((pass + 1))
  else
    echo "FAIL $n: $(grep -m1 -v '^[[:space:]]*$' "$tmp/err" | cut -c1-160)"
  fi
done
echo "torture: crepl passes $pass of the $counted tests gcc passes ($(( pass * 1000 / (counted > 0 ? counted : 1) )) per mille)"
