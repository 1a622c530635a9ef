#!/usr/bin/env bash
# bench/jmh.sh - JMH micro-benchmarks of Kiln's per-page stages on a generated blog.
#
# Installs Kiln into the local Maven repository (mvn install in the repository root: its jar is the shaded
# one, so bench/jmh takes it without its dependencies), builds bench/jmh/target/benchmarks.jar, generates a
# corpus of --posts posts with gen-corpus.py, and runs JMH on it. One op = one post (or one code block for
# HighlightBench), taken round-robin from the corpus, so each score is the mean over all posts in us/op:
#   FrontMatterBench.parse         front matter split and parsed (FrontMatterParser.parse)
#   MarkdownBench.plain            Markdown body to HTML, code blocks only escaped
#   MarkdownBench.highlighted      Markdown body to HTML, code blocks highlighted (as kiln build does)
#   HighlightBench.highlight       one fenced code block through TokenHighlighter (-p lang=java|python|yaml|bash)
#   PostProcessBench.process       BodyProcessor.process on the highlighted HTML (ids, toc, excerpt, words)
#   PostProcessBench.markdownAndBody  Markdown to a finished body as a build makes it (Build.markdownBody)
#   LayoutBench.render             a post's view (Views.forPage) rendered by its Pebble layout (built-in theme)
#   LayoutBench.view               the view alone
#   PageBench.body                 front matter + permalink + highlighted Markdown + post-processing in a row
#   BuildBench.build               a whole kiln build of the corpus in a warm JVM, in ms/op: what a build costs once
#                                  compiled (bench/build-speed.sh times it from a cold JVM)
# Defaults per benchmark: 1 fork, 5 x 1 s warm-up (PageBench: 10), 5 x 1 s measurement (about 2.5 minutes);
# BuildBench: 15 builds to warm up, then 10 timed, one build each.
# Prints the machine, versions and a Markdown table of the scores on stdout; JMH's own log goes to stderr.
# Needs bash, python3, Java 17 and Maven. Use an idle machine: 2 cores are easily disturbed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JMH_DIR="$REPO/bench/jmh"

usage() {
  cat <<'EOF'
Usage: bench/jmh.sh [options] [JMH arguments...]

Options:
  --posts N         posts in the generated corpus (default 200)
  --tags T          tag vocabulary (default 50)
  --seed S          corpus seed (default 42)
  --site DIR        benchmark this site folder instead of generating one (needs content/posts/*.md)
  --gen PATH        gen-corpus.py (default: $KILN_BENCH_GEN, else ../shared/bench/gen-corpus.py
                    beside the repository, else /work/shared/bench/gen-corpus.py)
  --no-install      do not `mvn install` Kiln first: use the dev.kiln:kiln:0.1.0-SNAPSHOT already in the
                    local Maven repository (careful: any checkout may have installed it)
  --no-package      do not rebuild bench/jmh/target/benchmarks.jar (implies --no-install)
  --workdir DIR     where the corpus goes (default: a new temp dir, removed at exit)
  -h, --help        this help
  --                the rest are JMH arguments, even if they look like the options above

Anything else goes to JMH (java -jar bench/jmh/target/benchmarks.jar ...), for example:
  bench/jmh.sh Markdown                      only the benchmarks matching a regexp
  bench/jmh.sh HighlightBench -p lang=java   one parameter value
  bench/jmh.sh -wi 2 -i 3 -w 500ms -r 500ms  a quicker, rougher run
  bench/jmh.sh -prof gc Layout               allocation per op
  bench/jmh.sh -- -l                         list the benchmarks (-- -h: JMH's help)
EOF
}
die() { echo "jmh.sh: $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

POSTS=200 TAGS=50 SEED=42 SITE="" GEN="${KILN_BENCH_GEN:-}" INSTALL=1 PACKAGE=1 WORK=""
JMH_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --posts) POSTS="$2"; shift 2 ;;
    --tags) TAGS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --site) SITE="$2"; shift 2 ;;
    --gen) GEN="$2"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --no-package) PACKAGE=0; INSTALL=0; shift ;;
    --workdir) WORK="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; JMH_ARGS+=("$@"); break ;;
    *) JMH_ARGS+=("$1"); shift ;;
  esac
done
[[ "$POSTS" =~ ^[0-9]+$ && "$POSTS" -gt 0 ]] || die "--posts must be a positive number"
command -v java >/dev/null || die "needs java"
command -v python3 >/dev/null || die "needs python3"
(( PACKAGE == 0 )) || command -v mvn >/dev/null || die "needs mvn"

MVN=(mvn -B -q -Dstyle.color=never)

# --- Kiln into the local Maven repository, then the benchmarks jar --------------------------------
if (( INSTALL )); then
  log "installing Kiln ($REPO) into the local Maven repository"
  (cd "$REPO" && "${MVN[@]}" -Dmaven.test.skip=true install) >&2 || die "mvn install of Kiln failed"
fi
BENCH_JAR="$JMH_DIR/target/benchmarks.jar"
if (( PACKAGE )); then
  log "building $BENCH_JAR"
  (cd "$JMH_DIR" && "${MVN[@]}" package) >&2 || die "mvn package in bench/jmh failed"
fi
[[ -f "$BENCH_JAR" ]] || die "no $BENCH_JAR (run without --no-package)"

# --- JMH arguments that only ask JMH something run straight away -----------------------------------
for a in "${JMH_ARGS[@]}"; do
  case "$a" in
    -l|-lp|-lrf|-lprof|-h|-help|--help) exec java -jar "$BENCH_JAR" "${JMH_ARGS[@]}" ;;
  esac
done

# --- the corpus ---------------------------------------------------------------------------------------
if [[ -z "$WORK" ]]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kiln-jmh.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"
fi
if [[ -n "$SITE" ]]; then
  [[ -d "$SITE/content/posts" ]] || die "no content/posts in $SITE"
  SITE="$(cd "$SITE" && pwd)"
  CORPUS="site $SITE ($(find "$SITE/content/posts" -name '*.md' | wc -l) posts)"
else
  if [[ -z "$GEN" ]]; then
    for g in "$REPO/../shared/bench/gen-corpus.py" /work/shared/bench/gen-corpus.py; do
      if [[ -f "$g" ]]; then GEN="$g"; break; fi
    done
  fi
  [[ -n "$GEN" && -f "$GEN" ]] || die "gen-corpus.py not found: pass --gen PATH"
  SITE="$WORK/site"
  log "generating $POSTS posts (seed $SEED, $TAGS tags) in $SITE"
  python3 "$GEN" --posts "$POSTS" --seed "$SEED" --tags "$TAGS" --layout plain --out "$SITE" --force --quiet
  CORPUS="gen-corpus.py --posts $POSTS --seed $SEED --tags $TAGS --layout plain"
fi

# --- run ----------------------------------------------------------------------------------------------
# Our own JSON result file unless the caller chose a result format or file.
OWN_RESULT=1
for a in "${JMH_ARGS[@]}"; do
  case "$a" in -rf|-rff) OWN_RESULT=0 ;; esac
done
RESULT_ARGS=()
(( OWN_RESULT )) && RESULT_ARGS=(-rf json -rff "$WORK/jmh.json")

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
log "running JMH (its log follows on stderr)"
# The forked JVMs inherit the -D option (unless -jvmArgs replaces it) and the environment variable.
KILN_BENCH_SITE="$SITE" java -Dkiln.bench.site="$SITE" -jar "$BENCH_JAR" "${RESULT_ARGS[@]}" "${JMH_ARGS[@]}" >&2 \
  || die "JMH failed"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# --- report -------------------------------------------------------------------------------------------
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
[[ -z "$(git -C "$REPO" status --porcelain -- src pom.xml layouts assets 2>/dev/null)" ]] || COMMIT+=" (+ uncommitted changes)"
echo
echo "Kiln per-page stages (JMH), $(date '+%Y-%m-%d %H:%M %Z'); kiln $COMMIT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'),"\
     "load average $LOAD_START at start, $LOAD_END at end; $(java -version 2>&1 | head -1)"
echo "corpus: $CORPUS; one op = one post (HighlightBench: one code block; BuildBench: one whole build of the corpus), mean over the corpus"
if (( OWN_RESULT )) && [[ -f "$WORK/jmh.json" ]]; then
  echo
  python3 - "$WORK/jmh.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
print("| benchmark | params | mode | iterations | score | error (99.9%) | units |")
print("|---|---|---|---:|---:|---:|---|")
def fmt(x):
    try:
        x = float(x)    # JMH writes "NaN" (a string) for the error of too few iterations
    except (TypeError, ValueError):
        return "-"
    if x != x:
        return "-"
    return f"{x:,.1f}" if abs(x) >= 10 else f"{x:.3f}"
for r in rows:
    name = r["benchmark"].removeprefix("dev.kiln.bench.")
    params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items()) or "-"
    m = r["primaryMetric"]
    runs = len(m.get("rawData", [[]])[0]) * len(m.get("rawData", []))
    err = m.get("scoreError", float("nan"))
    print(f"| {name} | {params} | {r['mode']} | {runs} | {fmt(m['score'])} | {fmt(err)} | {m['scoreUnit']} |")
    for sname, s in (r.get("secondaryMetrics") or {}).items():
        print(f"| {name}:{sname} | {params} | {r['mode']} | | {fmt(s['score'])} | {fmt(s.get('scoreError', float('nan')))} | {s['scoreUnit']} |")
PY
fi
