#!/usr/bin/env bash
# Runs real open-source multi-file C programs under crepl and under gcc -O0, on the same
# inputs, and prints a markdown table. The projects are not part of this repository: get
# copies (a git checkout or release tarball of each) and pass their folders.
#
#   bash tests/projects.sh /path/to/lua /path/to/zlib /path/to/bzip2 ...
#
# Each folder is recognized by its files. Known projects (and the programs built from them):
#   lua 5.4       lua.c + core + libs (Lua's makefile, without ltests.c), and onelua.c alone:
#                 a few Lua scripts, from testes/ and below
#   zlib          test/minigzip.c, test/example.c + the library files
#   bzip2 1.0.x   bzip2.c + libbz2 files: compresses and decompresses the sample files
#   cJSON         test.c + cJSON.c; tests/parse_examples.c, tests/json_patch_tests.c + unity
#   parson        tests.c + parson.c (-DTESTS_MAIN)
#   C-Thread-Pool tests/src/conc_increment.c + thpool.c, example.c + thpool.c (pthreads)
#   tinyexpr      smoke.c + tinyexpr.c (twice: default and -DTE_POW_FROM_RIGHT -DTE_NAT_LOG), example2.c
#   lz4           programs/*.c + lib/*.c (multithreaded lz4 command-line tool)
#   mujs          main.c + one.c (its Makefile's build), main.c + each of the interpreter's files
#
# Versions it was written against (bash tests/projects.sh on each checkout): lua tag v5.4.8,
# madler/zlib 1.3.1.1 (develop), bzip2 tag bzip2-1.0.8 (later commits need a generated
# bz_version.h), DaveGamble/cJSON 1.7.19, kgabis/parson, Pithikos/C-Thread-Pool,
# codeplea/tinyexpr, lz4 1.10.0, mujs tag 1.3.7 (the GitHub mirror's HEAD is only a README).
#
# For each program: build it with `gcc -O0 -w FLAGS FILES LIBS` (timed), then run each of
# its runs with the gcc binary and with crepl (`crepl -w FLAGS FILES -- ARGS`) and compare
# stdout (byte for byte) and exit status. Every variant runs in its own fresh copy of the
# project folder, so runs that write files do not see each other's; the sources are read
# from one copy, so __FILE__ is the same for both.
#
# Environment:
#   CREPL=PATH        the crepl binary (default: target/release/crepl of this repository;
#                     this script does not build it)
#   CREPL_TIERS="auto interp baseline"
#                     the tiers to run crepl in, one table row each (default: auto, i.e. no
#                     --tier option)
#   TIMEOUT=SECS      per run and variant (default 60)
#   KEEP=1            keep the temporary folder (its path is printed on stderr)
#   VERBOSE=1         print each run's outcome on stderr as it goes
#   UNITY=1           build each program as one translation unit that #includes its files
#                     (gcc and crepl alike; a project whose static names clash across files
#                     then fails to build with gcc): separates what fails in linking
#                     translation units from everything else
#
# Result column: `equal` (every run has the same stdout and exit status), `crepl error:
# FIRST ERROR LINE (run N)` (a run differs and crepl printed a diagnostic), `crashed: run
# N, SIGNAL`, `differs: run N (...)`, `timeout: run N`, or `gcc build failed`; the runs are
# numbered from 1 in the order they are listed below. Times: crepl's total wall time
# over the runs (its front end included), the gcc -O0 binary's, their ratio (only when the
# result is `equal`), and gcc's build time apart.
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
CREPL=${CREPL:-$here/target/release/crepl}
CREPL_TIERS=${CREPL_TIERS:-auto}
TIMEOUT=${TIMEOUT:-60}
[ $# -ge 1 ] || { echo "usage: bash tests/projects.sh PROJECT_DIR..." >&2; exit 2; }
[ -x "$CREPL" ] || { echo "no crepl binary at $CREPL (set CREPL=...)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "gcc is needed" >&2; exit 2; }

tmp=$(mktemp -d /tmp/crepl-projects.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then echo "temp folder: $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi
DATA=$tmp/data
mkdir -p "$DATA"

# ---------------------------------------------------------------- shared inputs
cat > "$DATA/t.lua" <<'EOF'
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 1000 end
table.sort(t)
local s = 0
for _, v in ipairs(t) do s = s + v end
print("sum", s, t[1], t[#t])
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print("fib", fib(20))
local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words+1] = w:upper() end
print(table.concat(words, ","))
print(string.format("%5.2f %d %s %q", math.pi, 42, tostring(nil), "a\nb"))
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return b * 2 end)
print(co(1), co(10))
local ok, e = pcall(error, {code = 7}); print(ok, e.code)
print(select('#', 1, nil, 3), 10 // 3, 10 % -3, 2^10, 7 / 2, 1 << 62, "10" + 5)
local mt = setmetatable({}, {__index = function(_, k) return k .. "!" end})
print(mt.hello, #"héllo", utf8.len("héllo"))
EOF

cat > "$DATA/t.js" <<'EOF'
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print("fib", fib(20));
var a = [];
for (var i = 0; i < 100; i++) a.push((i * 7919) % 1000);
a.sort(function (x, y) { return x - y; });
print(a.slice(0, 5).join(","), a.length, a[a.length - 1]);
var o = { name: "crepl", list: [1, 2.5, "x", null, true], nested: { k: [] } };
var s = JSON.stringify(o);
print(s);
print(JSON.parse(s).list[1] * 2);
print("The Quick Brown Fox".replace(/([A-Z])/g, "_$1").toLowerCase());
print(/(\d+)-(\d+)/.exec("range 10-20")[2]);
var counter = (function () { var c = 0; return function () { return ++c; }; })();
counter(); counter();
print("counter", counter());
try { null.x; } catch (e) { print("caught", e.name); }
print(Math.sqrt(2), (0.1 + 0.2).toFixed(3), parseInt("ff", 16), 1 / 3, 1e21, -0);
print(String.fromCharCode(72, 105), "abc".charCodeAt(1), [3, 1, 2].reverse());
var m = {}; "a b c a b a".split(" ").forEach(function (w) { m[w] = (m[w] || 0) + 1; });
print(Object.keys(m).map(function (k) { return k + "=" + m[k]; }).join(" "));
EOF

# ---------------------------------------------------------------- project table
# Each program: prog NAME "FILES" "FLAGS" "LIBS", then one `run 'SNIPPET'` per run.
# FILES are relative to the project folder; in FLAGS, $S is the source folder. A SNIPPET is
# a bash command run in a fresh copy of the project folder, where `prog` is the program
# (the gcc binary, or crepl with the flags and files) and $DATA holds the shared inputs.
# Its stdout and exit status are compared (pipefail is on).
NP=0
declare -a P_NAME P_FILES P_FLAGS P_LIBS P_NRUNS
declare -A P_RUN
prog() { P_NAME[NP]=$1; P_FILES[NP]=$2; P_FLAGS[NP]=$3; P_LIBS[NP]=$4; P_NRUNS[NP]=0; NP=$((NP + 1)); }
run() { local i=$((NP - 1)); P_RUN[$i,${P_NRUNS[i]}]=$1; P_NRUNS[i]=$((P_NRUNS[i] + 1)); }

has() { local d=$1; shift; for f in "$@"; do [ -e "$d/$f" ] || return 1; done; }

detect() { # DIR -> sets PROJ_KIND
  local d=$1
  if has "$d" lua.c lapi.c lvm.c lauxlib.c; then PROJ_KIND=lua
  elif has "$d" zlib.h deflate.c inflate.c test/minigzip.c; then PROJ_KIND=zlib
  elif has "$d" bzlib.c bzip2.c blocksort.c; then PROJ_KIND=bzip2
  elif has "$d" cJSON.c cJSON.h test.c; then PROJ_KIND=cjson
  elif has "$d" parson.c tests.c; then PROJ_KIND=parson
  elif has "$d" thpool.c thpool.h; then PROJ_KIND=thpool
  elif has "$d" tinyexpr.c smoke.c; then PROJ_KIND=tinyexpr
  elif has "$d" lib/lz4.c programs/lz4cli.c; then PROJ_KIND=lz4
  elif has "$d" jsrun.c main.c mujs.h; then PROJ_KIND=mujs
  else PROJ_KIND=; fi
}

define() { # KIND
  case $1 in
  lua)
    local core="lapi.c lcode.c lctype.c ldebug.c ldo.c ldump.c lfunc.c lgc.c llex.c lmem.c lobject.c lopcodes.c lparser.c lstate.c lstring.c ltable.c ltm.c lundump.c lvm.c lzio.c"
    local libs="lauxlib.c lbaselib.c ldblib.c liolib.c lmathlib.c loslib.c ltablib.c lstrlib.c lutf8lib.c loadlib.c lcorolib.c linit.c"
    # lua/onelua: the same program as one translation unit (onelua.c #includes them all)
    local p
    for p in "lua|lua.c $core $libs" "lua/onelua|onelua.c"; do
      prog "${p%%|*}" "${p#*|}" '-std=c99 -DLUA_USE_LINUX' '-lm'
      run 'prog -e "print(1 + 1, 2^53, 10 // 3, \"x\" .. 3)"'
      run 'prog $DATA/t.lua'
      run 'prog - < $DATA/t.lua'
      for t in bitwise closure coroutine events goto literals nextvar pm strings tpack utf8 vararg calls; do
        run "cd testes && prog $t.lua"
      done
    done ;;
  zlib)
    local lib="adler32.c compress.c crc32.c deflate.c gzclose.c gzlib.c gzread.c gzwrite.c infback.c inffast.c inflate.c inftrees.c trees.c uncompr.c zutil.c"
    prog zlib/minigzip "test/minigzip.c $lib" '-I$S' ''
    run 'prog < README'
    run 'prog -9 < ChangeLog | prog -d | cmp - ChangeLog && echo same'
    run 'prog -1 < deflate.c | prog -d | md5sum'
    run 'cp zlib.h z && prog z && test ! -e z && ls z.gz && prog -d z.gz && cmp z zlib.h && echo ok'
    prog zlib/example "test/example.c $lib" '-I$S' ''
    run 'prog'
    run 'prog foo2.gz' ;;
  bzip2)
    prog bzip2 "bzip2.c blocksort.c huffman.c crctable.c randtable.c compress.c decompress.c bzlib.c" '-D_FILE_OFFSET_BITS=64' ''
    run 'prog -1 < sample1.ref | cmp - sample1.bz2 && echo ok1'
    run 'prog -2 < sample2.ref | md5sum'
    run 'prog -d < sample1.bz2 | cmp - sample1.ref && echo ok'
    run 'prog -d < sample3.bz2 | md5sum'
    run 'prog -ds < sample2.bz2 | md5sum'
    run 'prog -9 < words1 | prog -d'
    run 'cp words3 w && prog -k w && prog -t w.bz2 && prog -dc w.bz2 | cmp - w && echo ok'
    run 'prog -d < words0' ;;
  cjson)
    prog cjson/test "test.c cJSON.c" '' '-lm'
    run 'prog'
    prog cjson/parse_examples "tests/parse_examples.c tests/unity/src/unity.c" '-I$S' '-lm'
    run 'cd tests && prog'
    prog cjson/json_patch_tests "tests/json_patch_tests.c cJSON_Utils.c tests/unity/src/unity.c" '-I$S' '-lm'
    run 'cd tests && prog' ;;
  parson)
    prog parson "tests.c parson.c" '-std=c89 -DTESTS_MAIN' ''
    run 'prog'
    run 'prog tests' ;;
  thpool)
    prog thpool/conc_increment "tests/src/conc_increment.c thpool.c" '-DTHPOOL_DEBUG' '-pthread'
    run 'prog 1000 4'
    run 'prog 20000 2'
    run 'prog 10 1'
    prog thpool/example "example.c thpool.c" '' '-pthread'
    run 'prog | sed "s/#[0-9]*/#T/" | sort' ;;
  tinyexpr)
    # minctest prints each group's time in ms: not compared
    prog tinyexpr/smoke "smoke.c tinyexpr.c" '' '-lm'
    run 'prog | sed "s/ *[0-9]*ms\$//"'
    prog tinyexpr/smoke_pr "smoke.c tinyexpr.c" '-DTE_POW_FROM_RIGHT -DTE_NAT_LOG' '-lm'
    run 'prog | sed "s/ *[0-9]*ms\$//"'
    prog tinyexpr/example2 "example2.c tinyexpr.c" '' '-lm'
    run 'prog "sqrt(x^2+y^2)"'
    run 'prog "atan2(y, x) * fac(5) + ncr(6,2) - ln(e)"'
    run 'prog "1 + (2"' ;;
  lz4)
    prog lz4 "programs/lz4cli.c programs/bench.c programs/lorem.c programs/lz4io.c programs/threadpool.c programs/timefn.c programs/util.c lib/lz4.c lib/lz4file.c lib/lz4frame.c lib/lz4hc.c lib/xxhash.c" \
      '-I$S/lib -DXXH_NAMESPACE=LZ4_ -DLZ4IO_MULTITHREAD' '-pthread'
    run 'prog -c < README.md | md5sum'
    run 'prog -9 -c < lib/lz4.c | prog -dc | cmp - lib/lz4.c && echo same'
    run 'prog -1 -c --no-frame-crc -BD < lib/lz4hc.c | md5sum'
    run 'cat lib/*.c lib/*.c programs/*.c > big && prog -T2 -B4 big big.lz4 && prog -d big.lz4 big2 && cmp big big2 && md5sum big.lz4'
    run 'prog -c lib/lz4.h | prog -t && echo tested'
    run 'prog -d < README.md' ;;
  mujs)
    # mujs: what its Makefile builds (main.c + one.c, which #includes the others);
    # mujs/separate: each file its own translation unit
    local p
    for p in "mujs|main.c one.c" "mujs/separate|main.c jsarray.c jsboolean.c jsbuiltin.c jscompile.c jsdate.c jsdtoa.c jserror.c jsfunction.c jsgc.c jsintern.c jslex.c jsmath.c jsnumber.c jsobject.c json.c jsparse.c jsproperty.c jsregexp.c jsrepr.c jsrun.c jsstate.c jsstring.c jsvalue.c regexp.c utf.c"; do
      prog "${p%%|*}" "${p#*|}" '-std=c99' '-lm'
      run 'prog $DATA/t.js'
      run 'echo "print(\"from stdin\", [1,2,3].map(function(x){return x*x}))" | prog'
      run 'echo "throw new Error(\"boom\")" > e.js && prog e.js'
    done ;;
  esac
}

# ---------------------------------------------------------------- running
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
secs() { local m=$1; printf '%d.%03d' $((m / 1000)) $((m % 1000)); }
ratio() { # A_MS B_MS
  local a=$1 b=$2
  [ "$b" -le 0 ] && b=1
  local r=$((a * 10 / b))
  printf '%d.%dx' $((r / 10)) $((r % 10))
}
log() { [ "${VERBOSE:-0}" = 1 ] && echo "$@" >&2; return 0; }

# A wrapper named `prog` per variant, put first on PATH while a snippet runs.
make_wrapper() { # DIR COMMAND... ; the command gets the snippet's arguments after it
  mkdir -p "$1"
  local dir=$1; shift
  { echo '#!/usr/bin/env bash'; printf 'exec'; printf ' %q' "$@"; echo ' "$@"'; } > "$dir/prog"
  chmod +x "$dir/prog"
}

# run_variant IDX VARIANT_DIR SRC_COPY PROJECT -> files run.N.{out,err,rc,ms}
run_variant() {
  local i=$1 vdir=$2 proj=$3 n
  rm -rf "$vdir/work"; cp -r "$proj" "$vdir/work"
  for ((n = 0; n < ${P_NRUNS[i]}; n++)); do
    local snippet=${P_RUN[$i,$n]} t0 t1 rc
    t0=$(now)
    (cd "$vdir/work" && PATH="$vdir:$PATH" DATA="$DATA" timeout -k 5 "$TIMEOUT" bash -o pipefail -c "$snippet" \
      < /dev/null > "$vdir/run.$n.out" 2> "$vdir/run.$n.err")
    rc=$?
    t1=$(now)
    echo "$rc" > "$vdir/run.$n.rc"
    ms "$t0" "$t1" > "$vdir/run.$n.ms"
  done
}

echo "| program | .c files | tier | result | crepl run | gcc -O0 run | crepl / gcc | gcc build |"
echo "|---|---|---|---|---|---|---|---|"

for proj in "$@"; do
  proj=$(cd "$proj" 2>/dev/null && pwd) || { echo "| $proj | | | not a folder | | | | |"; continue; }
  detect "$proj"
  if [ -z "$PROJ_KIND" ]; then echo "| $(basename "$proj") | | | unknown project | | | | |"; continue; fi
  NP=0; P_RUN=()
  define "$PROJ_KIND"
  pt=$tmp/$PROJ_KIND
  mkdir -p "$pt"
  rm -rf "$pt/src"; cp -r "$proj" "$pt/src"
  S=$pt/src
  for ((i = 0; i < NP; i++)); do
    name=${P_NAME[i]}
    pdir=$pt/p$i
    mkdir -p "$pdir"
    eval "flags=(${P_FLAGS[i]})"
    libs=(${P_LIBS[i]})
    files=()
    for f in ${P_FILES[i]}; do files+=("$S/$f"); done
    nfiles=${#files[@]}
    if [ "${UNITY:-0}" = 1 ]; then
      printf '#include "%s"\n' "${files[@]}" > "$pdir/unity.c"
      files=("$pdir/unity.c")
    fi
    # gcc build
    t0=$(now)
    if ! gcc -O0 -w "${flags[@]}" -o "$pdir/${name##*/}" "${files[@]}" "${libs[@]}" 2> "$pdir/gcc.err"; then
      why=$(grep -m1 -E 'error' "$pdir/gcc.err" || head -1 "$pdir/gcc.err")
      why=${why//$pt\//}
      echo "| $name | $nfiles | | gcc build failed: ${why:0:140} | | | | |"
      continue
    fi
    t1=$(now)
    build_ms=$(ms "$t0" "$t1")
    make_wrapper "$pdir/gcc" "$pdir/${name##*/}"
    run_variant "$i" "$pdir/gcc" "$proj"
    gcc_ms=0
    for ((n = 0; n < ${P_NRUNS[i]}; n++)); do gcc_ms=$((gcc_ms + $(cat "$pdir/gcc/run.$n.ms"))); done
    for tier in $CREPL_TIERS; do
      tierflag=()
      [ "$tier" != auto ] && tierflag=(--tier="$tier")
      make_wrapper "$pdir/$tier" "$CREPL" -w "${tierflag[@]}" "${flags[@]}" "${libs[@]}" "${files[@]}" --
      run_variant "$i" "$pdir/$tier" "$proj"
      result=equal; crepl_ms=0
      for ((n = 0; n < ${P_NRUNS[i]}; n++)); do
        v=$pdir/$tier; g=$pdir/gcc
        crepl_ms=$((crepl_ms + $(cat "$v/run.$n.ms")))
        crc=$(cat "$v/run.$n.rc"); grc=$(cat "$g/run.$n.rc")
        if [ "$crc" = "$grc" ] && cmp -s "$v/run.$n.out" "$g/run.$n.out"; then
          log "$name [$tier] run $n: equal (${P_RUN[$i,$n]})"
          continue
        fi
        log "$name [$tier] run $n: DIFFERS, status $crc vs gcc $grc (${P_RUN[$i,$n]})"
        [ "$result" != equal ] && continue
        # crepl's own diagnostics: error lines that the gcc binary's run did not print
        err=$(grep -vxF -f "$g/run.$n.err" "$v/run.$n.err" | grep -m1 -E '(^|: )(fatal )?error: |executor crashed|panicked' | cut -c1-160)
        err=${err//$S\//}; err=${err//$pt\//}
        if [ "$crc" = 124 ] || [ "$crc" = 137 ]; then
          result="timeout: run $((n + 1)) (> ${TIMEOUT}s)"
        elif [ -n "$err" ]; then
          result="crepl error: $err (run $((n + 1)))"
        elif [ "$crc" -gt 128 ] && [ "$crc" -lt 160 ]; then
          result="crashed: run $((n + 1)), SIG$(kill -l $((crc - 128)) 2>/dev/null) (gcc: status $grc)"
        elif ! cmp -s "$v/run.$n.out" "$g/run.$n.out"; then
          result="differs: run $((n + 1)) stdout (status $crc vs $grc)"
        else
          result="differs: run $((n + 1)) status $crc vs $grc"
        fi
      done
      result=${result//|/\\|}
      r="$(ratio "$crepl_ms" "$gcc_ms")"
      [ "$result" = equal ] || r=-
      printf '| %s | %d | %s | %s | %ss | %ss | %s | %ss |\n' "$name" "$nfiles" "$tier" "$result" \
        "$(secs "$crepl_ms")" "$(secs "$gcc_ms")" "$r" "$(secs "$build_ms")"
    done
  done
done
