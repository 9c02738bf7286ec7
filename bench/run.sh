#!/usr/bin/env bash
# crepl's speed benchmark (issue 2): start-up, per-input latency, peak memory, script
# start-up, and two compute kernels, side by side with clang-repl and tcc when installed.
#
#   bash bench/run.sh            # builds crepl in release mode first
#
# Figures are wall-clock medians on a shared machine: compare ratios within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
CREPL=$PWD/target/release/crepl
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

CLANG_REPL=$(command -v clang-repl-22 || command -v clang-repl-21 || command -v clang-repl-20 || command -v clang-repl-19 || command -v clang-repl || true)
TCC=$(command -v tcc || true)

# median of N runs of a command, in milliseconds
median_ms() {
  local n=$1; shift
  python3 - "$n" "$@" <<'PY'
import subprocess, sys, time, statistics
n = int(sys.argv[1]); cmd = sys.argv[2:]
ts = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    ts.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(ts):.2f}")
PY
}

# median of N runs of a shell pipeline, in milliseconds
median_sh_ms() {
  local n=$1; shift
  python3 - "$n" "$1" <<'PY'
import subprocess, sys, time, statistics
n = int(sys.argv[1]); cmd = sys.argv[2]
ts = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(ts):.2f}")
PY
}

peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "== start-up to first result (echo '1 + 1' | REPL), median of 20"
printf '1 + 1\n' > "$TMP/one.repl"
echo "crepl (spawned executor): $(median_sh_ms 20 "$CREPL < $TMP/one.repl") ms, crepl peak RSS $(peak_kb sh -c "$CREPL < $TMP/one.repl") KB"
echo "crepl --in-process:       $(median_sh_ms 20 "$CREPL --in-process < $TMP/one.repl") ms"
python3 - "$CREPL" <<'PY'
import subprocess, sys, time
p = subprocess.Popen([sys.argv[1]], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
p.stdin.write(b"1 + 1\n"); p.stdin.flush(); time.sleep(0.3)
kids = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True, text=True).stdout.split()
for k in kids:
    rss = [l for l in open(f"/proc/{k}/status") if l.startswith("VmRSS")][0].split()[1]
    print(f"executor idle RSS: {rss} KB")
p.stdin.close(); p.wait()
PY
if [ -n "$CLANG_REPL" ]; then
  printf '1 + 1;\n' > "$TMP/one.clang"
  echo "$(basename "$CLANG_REPL"): $(median_sh_ms 5 "$CLANG_REPL -Xcc -xc < $TMP/one.clang") ms, peak RSS $(peak_kb sh -c "$CLANG_REPL -Xcc -xc < $TMP/one.clang") KB"
fi

echo
echo "== 1000 small inputs (int vN = N; vN += v(N-1);)"
python3 - > "$TMP/inputs.repl" <<'PY'
print("int v0 = 0;")
for i in range(1, 1001):
    print(f"int v{i} = {i}; v{i} += v{i-1};")
PY
for mode in "" "--in-process"; do
  CREPL_TIMING=1 "$CREPL" $mode < "$TMP/inputs.repl" 2> "$TMP/timing.txt" >/dev/null
  python3 - "$TMP/timing.txt" "${mode:-spawned executor}" <<'PY'
import re, statistics, sys
us = [float(m.group(1)) for m in re.finditer(r"\[timing\] input \d+ total ([0-9.]+)us", open(sys.argv[1]).read())]
print(f"crepl ({sys.argv[2]}): median {statistics.median(us):.1f} us per input (front end + round trip), p90 {sorted(us)[int(len(us)*0.9)]:.1f} us ({len(us)} inputs)")
PY
done
printf '%%restart\n' >> "$TMP/inputs.repl"
"$CREPL" < "$TMP/inputs.repl" 2>&1 >/dev/null | grep "session restored" | sed 's/^/restore after %restart: /' 
echo "crepl total: $(median_sh_ms 5 "$CREPL < $TMP/inputs.repl") ms, peak RSS $(peak_kb sh -c "$CREPL < $TMP/inputs.repl") KB"
if [ -n "$CLANG_REPL" ]; then
  sed 's/$//' "$TMP/inputs.repl" > "$TMP/inputs.clang"
  echo "$(basename "$CLANG_REPL") total: $(median_sh_ms 3 "$CLANG_REPL -Xcc -xc < $TMP/inputs.clang") ms, peak RSS $(peak_kb sh -c "$CLANG_REPL -Xcc -xc < $TMP/inputs.clang") KB"
fi

echo
echo "== script start-up: hello.c, median of 30"
echo "crepl hello.c:    $(median_ms 30 "$CREPL" bench/hello.c) ms"
[ -n "$TCC" ] && echo "tcc -run hello.c: $(median_ms 30 "$TCC" -run bench/hello.c) ms"

echo
echo "== compute kernels, median of 3 (ratio to gcc -O2)"
for p in fib loop; do
  cc -O2 -o "$TMP/$p" "bench/$p.c"
  g=$(median_ms 3 "$TMP/$p")
  c=$(median_ms 3 "$CREPL" "bench/$p.c")
  line="$p: gcc -O2 $g ms, crepl $c ms (x$(python3 -c "print(f'{$c/$g:.1f}')"))"
  if [ -n "$TCC" ]; then t=$(median_ms 3 "$TCC" -run "bench/$p.c"); line="$line, tcc -run $t ms"; fi
  echo "$line"
done
