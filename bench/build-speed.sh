#!/usr/bin/env bash
# bench/build-speed.sh - Kiln's clean full build against Hugo's, side by side, on generated blogs of
# several sizes; prints one Markdown table for the README.
#
# For each N of --sizes, runs the shared harness compare.sh (it generates the N-post corpora, does one probe
# build per tool under GNU time -v for the peak RSS, then hyperfine over clean builds) with Kiln as `--ours`
# and Hugo (by default) as the anchor, collects its TSV rows and prints: N, Kiln and Hugo median seconds,
# the ratio Kiln/Hugo and both peak RSS, under a line naming the date, machine and versions; and each tool's
# probe build (its first, timed once by compare.sh before hyperfine's runs) with their ratio: the timed runs
# each follow an `rm -rf` of the tool's last output, which on some file systems slows the next build's
# file creation (bench/PERFORMANCE-LOG.md, Writing), the probe does not. The Kiln jar is built once
# (./kiln --version) before anything is timed.
#   --incremental  adds each tool's rebuild with nothing changed (output kept): Hugo's from compare.sh,
#                  Kiln's here (the same probe + hyperfine method), with the files Kiln wrote in it.
#   --threads      adds Kiln's clean build pinned to one core (taskset -c 0, or --core's: the JVM then sees 1 CPU, so one
#                  build thread and the serial GC) against both cores, timed by hyperfine in alternating
#                  rounds (one run each, the order swapped every round, so a drifting load hits both alike):
#                  both medians, the speed-up, and the cores kept busy ((user+sys)/wall) by each.
# Needs bash, python3, hyperfine, GNU time, Java (and Maven to build the jar); Hugo optional; taskset for
# --threads. Use an idle machine: 2 cores are easily disturbed, and 10,000 posts take minutes per tool.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: bench/build-speed.sh [options]

Options:
  --sizes LIST      corpus sizes, space or comma separated (default "100 1000 10000")
  --tools LIST      compare.sh tools to time besides Kiln (default hugo; any of hugo,jekyll,eleventy,floor;
                    "" for Kiln alone); a tool that is not installed is left out
  --runs R          max timed runs per tool and size (compare.sh; default 10)
  --min-runs R      min timed runs (default 3)
  --budget S        target seconds of timed runs per tool and size (default 60)
  --timeout S       skip a tool whose probe build takes longer (default 300)
  --seed S          corpus seed (default 42; tags: clamp(N/5, 50, 1000) as compare.sh chooses)
  --incremental     also time rebuilds with nothing changed (Hugo: compare.sh --incremental; Kiln: here)
  --threads         also time Kiln on one core (taskset -c 0) against both cores
  --core C          the core --threads pins the one-core build to (default 0; pick one that nothing else
                    is pinned to, such as a helper's taskset -c 1 work)
  --no-compare      skip compare.sh (with --threads: only the one-core/two-core measurement)
  --ours CMD        the Kiln command; {site} = the plain corpus, {out} = the output folder
                    (default: '<repo>/kiln build --source {site} --dest {out}')
  --compare PATH    compare.sh (default: $KILN_BENCH_COMPARE, else ../shared/bench/compare.sh beside the
                    repository, else /work/shared/bench/compare.sh)
  --gen PATH        gen-corpus.py, for --no-compare (default: $KILN_BENCH_GEN, else beside compare.sh,
                    else ../shared/bench/gen-corpus.py beside the repository, else /work/shared/bench/)
  --workdir DIR     keep corpora, outputs and logs there (default: a new temp dir, removed at exit)
  --results FILE    also append every TSV row (compare.sh's columns) to FILE
  -h, --help        this help

Examples:
  bench/build-speed.sh                                   the README table (takes a long while at 10000)
  bench/build-speed.sh --sizes 100 --runs 5 --budget 10  a quick look
  bench/build-speed.sh --sizes 1000 --threads --no-compare
  KILN_JAVA_OPTS='-Xmx1g' bench/build-speed.sh --sizes 10000 --incremental
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/build-speed.sh   Kiln on a JDK 25 (AOT cache), as ./kiln runs it
EOF
}
die() { echo "build-speed.sh: $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

SIZES="100 1000 10000" TOOLS="hugo" RUNS=10 MINRUNS=3 BUDGET=60 TIMEOUT=300 SEED=42 INCR=0 THREADS=0 CORE=0
COMPARE=1 OURS="" COMPARE_SH="${KILN_BENCH_COMPARE:-}" GEN="${KILN_BENCH_GEN:-}" WORK="" RESULTS=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --tools) TOOLS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --min-runs) MINRUNS="$2"; shift 2 ;;
    --budget) BUDGET="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --incremental) INCR=1; shift ;;
    --threads) THREADS=1; shift ;;
    --core) CORE="$2"; shift 2 ;;
    --no-compare) COMPARE=0; shift ;;
    --ours) OURS="$2"; shift 2 ;;
    --compare) COMPARE_SH="$2"; shift 2 ;;
    --gen) GEN="$2"; shift 2 ;;
    --workdir) WORK="$2"; shift 2 ;;
    --results) RESULTS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument $1" ;;
  esac
done
SIZES="${SIZES//,/ }"
read -r -a SIZE_LIST <<< "$SIZES"
[[ ${#SIZE_LIST[@]} -gt 0 ]] || die "--sizes is empty"
for n in "${SIZE_LIST[@]}"; do [[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || die "--sizes: '$n' is not a positive number"; done
for v in "$RUNS" "$MINRUNS" "$TIMEOUT"; do [[ "$v" =~ ^[0-9]+$ && "$v" -gt 0 ]] || die "--runs, --min-runs and --timeout take positive numbers"; done
[[ "$BUDGET" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--budget takes seconds"
[[ "$CORE" =~ ^[0-9]+$ ]] || die "--core takes a core's number (0, 1, ...)"
(( MINRUNS <= RUNS )) || RUNS="$MINRUNS"
(( COMPARE || THREADS || INCR )) || die "--no-compare leaves nothing to measure: add --threads or --incremental"
for c in python3 hyperfine java timeout; do command -v "$c" >/dev/null || die "needs $c"; done
GNUTIME="$(type -P time || true)"
[[ -n "$GNUTIME" ]] || die "needs GNU time (apt-get install time)"
(( THREADS == 0 )) || command -v taskset >/dev/null || die "--threads needs taskset (util-linux)"

# --- compare.sh and gen-corpus.py, found as bench/edit-latency.sh finds gen-corpus.py -------------------
if [[ -z "$COMPARE_SH" ]]; then
  for c in "$REPO/../shared/bench/compare.sh" /work/shared/bench/compare.sh; do
    if [[ -f "$c" ]]; then COMPARE_SH="$c"; break; fi
  done
fi
if (( COMPARE )); then
  [[ -n "$COMPARE_SH" && -f "$COMPARE_SH" ]] || die "compare.sh not found: pass --compare PATH"
fi
if [[ -z "$GEN" ]]; then
  for g in ${COMPARE_SH:+"$(dirname "$COMPARE_SH")/gen-corpus.py"} "$REPO/../shared/bench/gen-corpus.py" \
           /work/shared/bench/gen-corpus.py; do
    if [[ -f "$g" ]]; then GEN="$g"; break; fi
  done
fi
(( COMPARE )) || [[ -n "$GEN" && -f "$GEN" ]] || die "gen-corpus.py not found: pass --gen PATH"

# --- tools: Kiln always; the others only when installed ---------------------------------------------------
OTHERS=()
IFS=',' read -r -a WANTED <<< "${TOOLS// /}"
for t in "${WANTED[@]}"; do
  case "$t" in
    "") ;;
    ours|kiln) ;;
    hugo|jekyll) if command -v "$t" >/dev/null; then OTHERS+=("$t"); else log "$t is not on PATH: left out"; fi ;;
    eleventy) if [[ -n "${ELEVENTY:-}" ]] || command -v eleventy >/dev/null; then OTHERS+=("$t"); else log "eleventy not found (set \$ELEVENTY): left out"; fi ;;
    floor) OTHERS+=("$t") ;;
    *) die "unknown tool '$t' (hugo, jekyll, eleventy, floor)" ;;
  esac
done
CMP_TOOLS="ours"
for t in "${OTHERS[@]}"; do CMP_TOOLS+=",$t"; done

if [[ -z "$OURS" ]]; then
  OURS="$(printf '%q' "$REPO/kiln") build --source {site} --dest {out}"
  # Built once here, so that no timed run (nor compare.sh's probe) pays for Maven.
  log "building the Kiln jar if it is stale: $REPO/kiln --version"
  "$REPO/kiln" --version >&2 || die "$REPO/kiln --version failed"
fi
ours_cmd() { local c="${OURS//\{site\}/$1}"; echo "${c//\{out\}/$2}"; }

if [[ -z "$WORK" ]]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kiln-build-speed.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"
fi
TSV="$WORK/rows.tsv"; : > "$TSV"
PROBES="$WORK/probes.tsv"; : > "$PROBES" # tool, N, probe seconds: from compare.sh's log
THR="$WORK/threads.tsv"; : > "$THR"

# --- the header: date, machine, versions ------------------------------------------------------------------
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
[[ -z "$(git -C "$REPO" status --porcelain -- src pom.xml layouts assets 2>/dev/null)" ]] || COMMIT+=" + uncommitted changes"
CPU="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
HEADER="$(date '+%Y-%m-%d %H:%M %Z'); $(nproc) cores, ${CPU:-unknown CPU}, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
# The JDK the launcher runs: JAVA_HOME's when set, as in ./kiln.
JAVA_BIN="java"; [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && JAVA_BIN="$JAVA_HOME/bin/java"
HEADER+=" $("$JAVA_BIN" -version 2>&1 | head -1)"
for t in "${OTHERS[@]}"; do
  case "$t" in
    hugo) HEADER+="; $(hugo version 2>/dev/null | cut -d' ' -f1-2)" ;;
    jekyll) HEADER+="; $(jekyll --version 2>/dev/null)" ;;
  esac
done
HEADER+="; $(hyperfine --version); kiln $COMMIT${KILN_JAVA_OPTS:+ with KILN_JAVA_OPTS=$KILN_JAVA_OPTS}"
log "$HEADER"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

tags_for() { local t=$(( $1 / 5 )); (( t < 50 )) && t=50; (( t > 1000 )) && t=1000; echo "$t"; }
runs_for() { # probe-seconds [divisor]
  python3 -c "import sys; w=max(float(sys.argv[1]), 0.001); print(max($MINRUNS, min($RUNS, int($BUDGET / w))))" "$1"
}
wall_of() { # GNU time -v file -> seconds
  awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$1" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'
}

# Kiln's rebuild with nothing changed: output kept from the clean builds; same method as compare.sh.
kiln_no_change() { # N site out
  local n="$1" site="$2" out="$3" cmd tf="$WORK/n$1/time-kiln-no-change.txt" jf="$WORK/n$1/hf-kiln-no-change.json"
  cmd="$(ours_cmd "$site" "$out")"
  bash -c "$cmd" >/dev/null 2>&1 || { log "N=$n: kiln build failed: $cmd"; return 0; }
  local marker="$WORK/n$n/.before-rebuild"
  touch "$marker"; sleep 0.01
  log "kiln:rebuild-no-change (N=$n): probe build"
  if ! "$GNUTIME" -v -o "$tf" timeout --kill-after=10 "$TIMEOUT" bash -c "$cmd" >"$WORK/n$n/probe-kiln-no-change.log" 2>&1; then
    printf 'kiln:rebuild-no-change\t%s\tFAILED\t\t\t\t\t\t\t\n' "$n" >> "$TSV"; return 0
  fi
  local written rss_kb wall runs
  # Files whose mtime moved, less Kiln's own marker of its output folder (touched on every build).
  written="$(find "$out" -type f -newer "$marker" ! -name .kiln-output | wc -l)"
  rss_kb="$(awk -F': ' '/Maximum resident set size/{print $2}' "$tf")"
  wall="$(wall_of "$tf")"
  runs="$(runs_for "$wall")"
  log "kiln:rebuild-no-change (N=$n): probe ${wall}s, wrote $written files; hyperfine runs=$runs"
  if ! hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$jf" --command-name kiln:rebuild-no-change \
      "$cmd" >"$WORK/n$n/hf-kiln-no-change.log" 2>&1; then
    printf 'kiln:rebuild-no-change\t%s\tFAILED (hyperfine)\t\t\t\t\t\t\t\n' "$n" >> "$TSV"; return 0
  fi
  python3 - "$jf" "$n" "$rss_kb" "$runs" "$written" >> "$TSV" <<'PY'
import json, sys
jf, n, rss_kb, runs, written = sys.argv[1:]
r = json.load(open(jf))["results"][0]
# compare.sh's columns (pages and pages/s left empty), then the files written.
print("\t".join(["kiln:rebuild-no-change", n, f"{r['median']:.3f}", f"{r['min']:.3f}", f"{r['max']:.3f}", runs,
                 "-", f"{int(rss_kb) / 1024:.0f}", "-", written]))
PY
}

# Kiln's clean build on one core against both cores.
kiln_threads() { # N site
  local n="$1" site="$2" out="$WORK/n$1/out-threads" cmd t0 t1 wall runs r one all
  cmd="$(ours_cmd "$site" "$out")"
  log "threads (N=$n): probe build"
  rm -rf "$out"
  t0="$(date +%s.%N)"
  bash -c "$cmd" >"$WORK/n$n/probe-threads.log" 2>&1 || { log "N=$n: kiln build failed, see $WORK/n$n/probe-threads.log"; return 0; }
  t1="$(date +%s.%N)"
  wall="$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$t0" "$t1")"
  # One core takes up to about twice as long: split the budget accordingly.
  runs="$(runs_for "$(python3 -c "import sys; print(float(sys.argv[1]) * 3)" "$wall")")"
  log "threads (N=$n): probe ${wall}s; $runs rounds of one run per command, the order swapped each round"
  # Rounds rather than one hyperfine call per command: a load that drifts on a shared machine then weighs on
  # both sides alike instead of on whichever command ran second.
  one=(--command-name "1 core" "taskset -c $CORE $cmd")
  all=(--command-name "all cores" "$cmd")
  rm -f "$WORK/n$n"/hf-threads-*.json; : > "$WORK/n$n/hf-threads.log"
  for (( r = 1; r <= runs; r++ )); do
    local order=("${one[@]}" "${all[@]}") warm=0
    (( r % 2 == 0 )) && order=("${all[@]}" "${one[@]}")
    (( r == 1 )) && warm=1
    if ! hyperfine --style basic --warmup "$warm" --runs 1 --prepare "rm -rf '$out'" \
        --export-json "$WORK/n$n/hf-threads-$r.json" "${order[@]}" >>"$WORK/n$n/hf-threads.log" 2>&1; then
      log "threads (N=$n): hyperfine failed, see $WORK/n$n/hf-threads.log"; tail -5 "$WORK/n$n/hf-threads.log" >&2
      return 0
    fi
  done
  python3 - "$n" "$runs" "$WORK/n$n"/hf-threads-*.json >> "$THR" <<'PY'
import json, statistics, sys
n, runs, files = sys.argv[1], sys.argv[2], sys.argv[3:]
wall, cpu = {}, {}
for f in files:
    for r in json.load(open(f))["results"]:
        wall.setdefault(r["command"], []).extend(r["times"])
        cpu[r["command"]] = cpu.get(r["command"], 0.0) + (r["user"] + r["system"]) * len(r["times"])
def busy(c):   # cores kept busy on average: CPU time over wall time
    return cpu[c] / sum(wall[c])
one, two = statistics.median(wall["1 core"]), statistics.median(wall["all cores"])
print("\t".join([n, runs, f"{one:.3f}", f"{two:.3f}", f"{one / two:.2f}", f"{busy('1 core'):.2f}",
                 f"{busy('all cores'):.2f}"]))
PY
}

# --- measuring ------------------------------------------------------------------------------------------------
for n in "${SIZE_LIST[@]}"; do
  mkdir -p "$WORK/n$n"
  SITE="$WORK/n$n/site-plain"
  if (( COMPARE )); then
    log "N=$n: compare.sh --tools $CMP_TOOLS"
    args=(--ours "$OURS" --tools "$CMP_TOOLS" --seed "$SEED" --runs "$RUNS" --min-runs "$MINRUNS" --budget "$BUDGET"
          --timeout "$TIMEOUT" --workdir "$WORK/n$n" --results "$TSV")
    (( INCR )) && args+=(--incremental)
    bash "$COMPARE_SH" "${args[@]}" "$n" > "$WORK/n$n/compare.md" 2> >(tee "$WORK/n$n/compare.log" >&2) \
      || die "compare.sh failed for N=$n"
    # compare.sh logs each probe as "[hh:mm:ss] TOOL: probe 1.23s, peak RSS ..."
    sed -nE 's/^\[[0-9:]+\] ([a-z]+): probe ([0-9.]+)s,.*/\1\t'"$n"'\t\2/p' "$WORK/n$n/compare.log" >> "$PROBES" || true
  elif [[ ! -f "$SITE/.gen-$n-$SEED-$(tags_for "$n")" ]]; then
    log "N=$n: generating the corpus (seed $SEED, $(tags_for "$n") tags)"
    python3 "$GEN" --posts "$n" --seed "$SEED" --tags "$(tags_for "$n")" --layout plain --out "$SITE" --force --quiet
    touch "$SITE/.gen-$n-$SEED-$(tags_for "$n")"
  fi
  (( INCR )) && kiln_no_change "$n" "$SITE" "$WORK/n$n/out-ours"
  (( THREADS )) && kiln_threads "$n" "$SITE"
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
[[ -z "$RESULTS" ]] || cat "$TSV" >> "$RESULTS"

# --- report ---------------------------------------------------------------------------------------------------
echo
if (( COMPARE )); then
  TITLE="Kiln vs $( (( ${#OTHERS[@]} )) && { IFS=,; echo "${OTHERS[*]^}"; } || echo nothing), clean full builds (medians)"
else
  TITLE="Kiln builds (medians)"
fi
echo "$TITLE: $HEADER"
echo "load average $LOAD_START at start, $LOAD_END at end; corpus gen-corpus.py --seed $SEED, tags clamp(N/5, 50, 1000)"
KILN_BENCH_CORE="$CORE" python3 - "$TSV" "$THR" "$COMPARE" "$INCR" "$THREADS" "${OTHERS[*]:-}" "$PROBES" "${SIZE_LIST[@]}" <<'PY'
import os, sys
tsv, thr, compare, incr, threads, others, probes_tsv = sys.argv[1:8]
sizes = sys.argv[8:]
probes = {}
for line in open(probes_tsv):
    f = line.rstrip("\n").split("\t")
    if len(f) == 3:
        probes[(f[0], f[1])] = f[2]
compare, incr, threads = compare == "1", incr == "1", threads == "1"
others = [t for t in others.split() if t]
rows = {}
for line in open(tsv):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 3:
        rows[(f[0], f[1])] = f

def col(tool, n, i, default="-"):
    f = rows.get((tool, n))
    return f[i] if f and len(f) > i and f[i] else default

def num(s):
    try:
        return float(s)
    except ValueError:
        return None

def ratio(a, b):
    a, b = num(a), num(b)
    return f"{a / b:.2f}" if a is not None and b else "-"

if compare:
    extra = [t for t in others if t not in ("hugo", "floor")]
    head = ["N", "Kiln median s", "Hugo median s", "Kiln/Hugo", "Kiln probe s", "Hugo probe s", "probe Kiln/Hugo",
            "Kiln peak RSS MB", "Hugo peak RSS MB"]
    head += [f"{t.capitalize()} median s" for t in extra]
    if incr:
        head += ["Kiln no-change s", "Kiln no-change/clean", "files Kiln wrote", "Hugo no-change s"]
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---:" for _ in head) + "|")
    for n in sizes:
        k, h = col("ours", n, 2), col("hugo", n, 2)
        kp, hp = probes.get(("ours", n), "-"), probes.get(("hugo", n), "-")
        cells = [n, k, h, ratio(k, h), kp, hp, ratio(kp, hp), col("ours", n, 7), col("hugo", n, 7)]
        cells += [col(t, n, 2) for t in extra]
        if incr:
            kn = col("kiln:rebuild-no-change", n, 2)
            cells += [kn, ratio(kn, k), col("kiln:rebuild-no-change", n, 9), col("hugo:rebuild-no-change", n, 2)]
        print("| " + " | ".join(cells) + " |")
elif incr:
    print()
    print("| N | Kiln no-change s | files Kiln wrote | peak RSS MB |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        print(f"| {n} | {col('kiln:rebuild-no-change', n, 2)} | {col('kiln:rebuild-no-change', n, 9)} | "
              f"{col('kiln:rebuild-no-change', n, 7)} |")

if threads:
    print()
    print(f"Kiln clean build, one core (taskset -c {os.environ.get('KILN_BENCH_CORE', '0')}) vs all cores (medians of alternating hyperfine rounds;"
          " busy = (user+sys)/wall):")
    print()
    print("| N | runs | 1 core s | all cores s | speed-up | busy cores (1) | busy cores (all) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for line in open(thr):
        print("| " + " | ".join(line.rstrip("\n").split("\t")) + " |")

if rows:
    print()
    print("All rows (compare.sh's columns):")
    print()
    print("| tool | N | median s | min s | max s | runs | pages (.html) | peak RSS MB | pages/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for f in rows.values():
        f = (f + [""] * 9)[:9]
        print("| " + " | ".join(f) + " |")
PY
