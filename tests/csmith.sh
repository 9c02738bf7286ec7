#!/usr/bin/env bash
# Random differential testing with Csmith (apt-get install csmith libcsmith-dev): each
# generated program prints a checksum of its globals; crepl must print the same as gcc.
#
#   bash tests/csmith.sh [FIRST_SEED] [COUNT] [crepl flags...]
#
# Prints each seed whose output differs (reproduce with `csmith --seed N`).
set -uo pipefail
first=${1:-1}; count=${2:-50}; shift $(( $# < 2 ? $# : 2 ))
cd "$(dirname "$0")/.."
cargo build --release -q || exit 2
CREPL=$PWD/target/release/crepl
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
inc=/usr/include/csmith
pass=0; fail=0; skipped=0
for seed in $(seq "$first" $((first + count - 1))); do
  csmith --seed "$seed" > "$tmp/t.c" 2>/dev/null || { skipped=$((skipped + 1)); continue; }
  gcc -O0 -w -I"$inc" -o "$tmp/t" "$tmp/t.c" 2>/dev/null || { skipped=$((skipped + 1)); continue; }
  want=$(timeout 5 "$tmp/t" 2>&1); [ $? -eq 124 ] && { skipped=$((skipped + 1)); continue; }
  got=$(timeout 60 "$CREPL" "$@" -w -I"$inc" "$tmp/t.c" 2>&1)
  if [ "$want" == "$got" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "DIFF seed $seed"; fi
done
echo "csmith: $pass same as gcc, $fail different, $skipped skipped (generation failed or gcc's build ran over 5 s)"
