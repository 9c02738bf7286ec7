#!/usr/bin/env bash
# crepl's execution tiers against compilers: each benchmark program in bench/ runs as
#   gcc -O0, gcc -O2      the prebuilt executable (compile time not counted)
#   tcc -run              compile + run, as a user of `tcc -run` waits for it (if installed)
#   crepl --tier=T        compile + run, for each tier T in CREPL_TIERS
# Every column of a program gets the same arguments. Before timing, each column's stdout
# and exit status must equal gcc -O0's, else it is reported as a MISMATCH and not timed.
# Then the median wall time of BENCH_RUNS runs; the runs are interleaved (one of each
# column per round) so that noise on this shared machine falls on all columns alike.
#
#   bash bench/tiers.sh [PROGRAM...]        # default: all programs below
#
# Environment:
#   CREPL_TIERS="interp baseline auto"  the tiers to run (CREPL_TIERS=interp works today)
#   BENCH_RUNS=5                         timed runs per column
#   BENCH_SCALE=1                        fraction of the default work, e.g. 0.1 for a quick
#                                        look; each program's argument scales by how its
#                                        work grows (the `grows` column of the table below)
#   BENCH_ARGS_<program>="ARGS"          explicit arguments for one program (BENCH_ARGS_fib=35)
#   BENCH_LOCK=FILE                      hold `flock FILE` while building and while timing
#                                        each program (so that builds by others do not
#                                        disturb the timings); don't also run the whole
#                                        script under flock on the same file
#
# The goals (tiered-execution issue): baseline/gcc-O0 <= 1.0 and interp/baseline >= 5,
# geometric means over the programs; auto faster than tcc -run on every program whose
# tcc -run time is over 0.5 s (those rows are marked `*`).
set -euo pipefail
cd "$(dirname "$0")/.."

# program, its argument at full size, how its work grows with the argument:
#   linear (work ~ N), square (~ N^2), fib (~ 1.618^N), depth (~ 2^N)
# Full size: gcc -O0 and tcc -run take 0.55-0.75 s (all over the 0.5 s of the auto/tcc
# goal), the interpreter 2.5-11 s per run (its 6 runs of a program stay near a minute).
# The sizes are the programs' defaults, except fib and loop (defaults 30 and 10^8).
PROGRAMS="
fib         40          fib
loop        500000000   linear
nbody       4000000     linear
spectral    2000        square
mandelbrot  1300        square
sieve       60000000    linear
binarytrees 17          depth
qsort       1500000     linear
goto_loop   300000000   linear
vm_goto     15000000    linear
vm_switch   12000000    linear
regex       400000      linear
"
TIERS=${CREPL_TIERS:-interp baseline auto}
RUNS=${BENCH_RUNS:-5}
SCALE=${BENCH_SCALE:-1}
LOCK=()
[ -n "${BENCH_LOCK:-}" ] && LOCK=(flock "$BENCH_LOCK")

"${LOCK[@]}" cargo build --release -q
CREPL=$PWD/target/release/crepl
TCC=$(command -v tcc || true)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RESULTS=$TMP/results.tsv
: > "$RESULTS"

# Until the tier flag exists, the interpreter is what crepl runs without it.
CREPL_HELP=$("$CREPL" --help 2>&1 || true)
crepl_flags() {
  if [ "$1" = interp ] && [[ $CREPL_HELP != *--tier* ]]; then
    echo ""
  else
    echo "--tier=$1"
  fi
}

# the argument for a program at BENCH_SCALE: scaled so that the work is SCALE times the full size
scaled_arg() {
  python3 - "$1" "$2" "$SCALE" <<'PY'
import math, sys
full, grows, scale = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
arg = {
    "linear": lambda: round(full * scale),
    "square": lambda: round(full * math.sqrt(scale)),
    "fib": lambda: full + round(math.log(scale) / math.log((1 + 5 ** 0.5) / 2)),
    "depth": lambda: full + round(math.log2(scale)),
}[grows]()
print(max(arg, 1))
PY
}

# Times one program. Arguments: program name, its arguments (one string), then
# LABEL=COMMAND for each column, the first being the reference (gcc -O0).
# Appends `program<TAB>args<TAB>label=ms|MISMATCH...` to $RESULTS and prints it.
cat > "$TMP/measure.py" <<'PY'
import shlex, statistics, subprocess, sys, time
results, prog, args, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cols = [c.split("=", 1) for c in sys.argv[5:]]
cols = [(label, shlex.split(cmd)) for label, cmd in cols]

def run(cmd):
    return subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL)

# 1. outputs: every column must print what gcc -O0 prints and exit the same way
ref = run(cols[0][1])
ok, row = [], {}
for label, cmd in cols:
    r = run(cmd)
    if r.stdout == ref.stdout and r.returncode == ref.returncode:
        ok.append((label, cmd))
        continue
    row[label] = "MISMATCH"
    want, got = ref.stdout.decode(errors="replace").splitlines(), r.stdout.decode(errors="replace").splitlines()
    first = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    print(f"\n!!!!!!!! MISMATCH: {prog} under {label} (vs gcc -O0) !!!!!!!!", file=sys.stderr)
    print(f"  command: {shlex.join(cmd)}", file=sys.stderr)
    print(f"  exit status: gcc -O0 {ref.returncode}, {label} {r.returncode}", file=sys.stderr)
    print(f"  first differing line {first + 1}:", file=sys.stderr)
    print(f"    gcc -O0: {want[first] if first < len(want) else '(end of output)'}", file=sys.stderr)
    print(f"    {label}: {got[first] if first < len(got) else '(end of output)'}", file=sys.stderr)
    for line in [l for l in r.stderr.decode(errors="replace").splitlines() if l.strip()][:3]:
        print(f"  stderr: {line}", file=sys.stderr)

# 2. wall time, median of `runs`, one run of every column per round
times = {label: [] for label, _ in ok}
for _ in range(runs):
    for label, cmd in ok:
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        times[label].append((time.perf_counter() - t) * 1000)
for label, ts in times.items():
    row[label] = f"{statistics.median(ts):.1f}"
fields = [f"{label}={row[label]}" for label, _ in cols]
with open(results, "a") as f:
    f.write("\t".join([prog, args] + fields) + "\n")
print(f"{prog} {args}: " + ", ".join(f"{label} {row[label]}" for label, _ in cols), flush=True)
PY

echo "crepl tiers: $TIERS; median of $RUNS runs; scale $SCALE; tcc: ${TCC:-not installed}"
[ -n "${BENCH_LOCK:-}" ] && echo "timing each program under flock $BENCH_LOCK"
status=0
selected=" ${*:-} "
while read -r prog full grows; do
  [ -z "$prog" ] && continue
  [ "$selected" != "  " ] && [[ "$selected" != *" $prog "* ]] && continue
  src=bench/$prog.c
  var=BENCH_ARGS_$prog
  args=${!var:-$(scaled_arg "$full" "$grows")}
  gcc -O0 -o "$TMP/$prog.O0" "$src" -lm
  gcc -O2 -o "$TMP/$prog.O2" "$src" -lm
  cols=("gcc-O0=$TMP/$prog.O0 $args" "gcc-O2=$TMP/$prog.O2 $args")
  [ -n "$TCC" ] && cols+=("tcc=$TCC -lm -run $src $args")
  for tier in $TIERS; do
    cols+=("$tier=$CREPL $(crepl_flags "$tier") $src $args")
  done
  "${LOCK[@]}" python3 "$TMP/measure.py" "$RESULTS" "$prog" "$args" "$RUNS" "${cols[@]}" || status=1
done <<< "$PROGRAMS"
grep -q MISMATCH "$RESULTS" && status=1

# The table: milliseconds per column, then the ratios the goals are about.
echo
python3 - "$RESULTS" <<'PY'
import math, sys
rows = []
for line in open(sys.argv[1]):
    prog, args, *cells = line.rstrip("\n").split("\t")
    rows.append((prog, args, dict(c.split("=", 1) for c in cells)))
labels = []
for _, _, cells in rows:
    labels += [l for l in cells if l not in labels]

def ms(cells, label):
    v = cells.get(label)
    try:
        return float(v)
    except (TypeError, ValueError):
        return None

def ratio(cells, a, b):
    x, y = ms(cells, a), ms(cells, b)
    return x / y if x is not None and y else None

ratios = [("baseline/gcc-O0", "baseline", "gcc-O0"), ("interp/baseline", "interp", "baseline"), ("auto/tcc", "auto", "tcc")]
head = ["program", "args"] + [f"{l} ms" for l in labels] + [name for name, _, _ in ratios]
table, found = [], {name: [] for name, _, _ in ratios}
for prog, args, cells in rows:
    long_run = (ms(cells, "tcc") or 0) > 500
    line = [prog + (" *" if long_run else ""), args]
    line += [cells.get(l, "-") for l in labels]
    for name, a, b in ratios:
        r = ratio(cells, a, b)
        line.append("-" if r is None else f"{r:.2f}")
        if r is not None:
            found[name].append((prog, r, long_run))
    table.append(line)
widths = [max(len(str(x)) for x in col) for col in zip(head, *table)]
for line in [head] + table:
    print("  ".join(str(x).rjust(w) if i > 1 else str(x).ljust(w) for i, (x, w) in enumerate(zip(line, widths))))
print("(* = tcc -run takes over 0.5 s: auto must beat it there)")
print()

def geomean(rs):
    return math.exp(sum(math.log(r) for _, r, _ in rs) / len(rs))

if found["baseline/gcc-O0"]:
    g = geomean(found["baseline/gcc-O0"])
    print(f"geometric mean baseline/gcc-O0: {g:.2f} (goal <= 1.0: {'met' if g <= 1.0 else 'NOT met'})")
if found["interp/baseline"]:
    rs = found["interp/baseline"]
    g = geomean(rs)
    worst = min(rs, key=lambda x: x[1])
    print(f"geometric mean interp/baseline: {g:.2f} (goal >= 5: {'met' if g >= 5 else 'NOT met'}; lowest {worst[1]:.2f}, {worst[0]})")
if found["auto/tcc"]:
    slow = [p for p, r, long_run in found["auto/tcc"] if long_run and r >= 1.0]
    n = sum(1 for _, _, long_run in found["auto/tcc"] if long_run)
    print(f"auto slower than tcc -run on {len(slow)} of {n} programs over 0.5 s" + (f": {', '.join(slow)}" if slow else ""))
if not any(found.values()):
    print("(no ratios: they need the baseline/auto tiers, gcc and tcc columns)")
PY
[ "$status" = 0 ] || echo "!!!!!!!! some outputs differ from gcc -O0: see MISMATCH above !!!!!!!!"
exit "$status"
