#!/usr/bin/env bash
# bench/back-to-back.sh - clean builds in a row, each right after `rm -rf` of the last one's output, as a
# benchmark's timed runs are made: wall, user and system seconds of each, then how the last build's inodes
# spread over the file system's block groups (inode number / --inodes-per-group).
#
# On ext4 without a journal a new inode is looked for from the start of its block group, past every free
# inode deleted in the last 60 s (360 s while its inode table block is dirty), so a build is slower the
# more the builds just before it deleted where its own inodes land. This shows it: system time growing run
# after run, and where the inodes went. bench/PERFORMANCE-LOG.md, Writing, has the figures.
#
# Needs bash, python3 (to generate the corpora), GNU time, Java and Maven (Kiln's jar); Hugo for --tools hugo.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: bench/back-to-back.sh [options]

Options:
  --posts N         corpus size (default 1000)
  --runs R          clean builds in a row per tool (default 5)
  --tools LIST      comma list of kiln,hugo (default: kiln, and hugo when installed)
  --quiet S         sync, then wait S seconds before each tool's series, so that earlier deletions age out
                    (default 65; 0 to skip)
  --workdir DIR     where the corpora and outputs go (default: a new folder under $TMPDIR or /tmp, removed
                    at exit); put it on the file system you want to measure
  --inodes-per-group G   for the spread of inodes over block groups (default 8192, ext4's usual)
  --gen PATH        gen-corpus.py (default: ../shared/bench/gen-corpus.py beside the repository)
  -h, --help        this help

Example: bench/back-to-back.sh --posts 10000 --runs 4
EOF
}

die() { echo "back-to-back.sh: $*" >&2; exit 2; }

POSTS=1000 RUNS=5 TOOLS="" QUIET=65 WORK="" PER_GROUP=8192
GEN="$REPO/../shared/bench/gen-corpus.py"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --posts) POSTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --tools) TOOLS="$2"; shift 2 ;;
    --quiet) QUIET="$2"; shift 2 ;;
    --workdir) WORK="$2"; shift 2 ;;
    --inodes-per-group) PER_GROUP="$2"; shift 2 ;;
    --gen) GEN="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$POSTS" =~ ^[0-9]+$ && "$RUNS" =~ ^[0-9]+$ && "$QUIET" =~ ^[0-9]+$ && "$PER_GROUP" =~ ^[0-9]+$ ]] \
  || die "--posts, --runs, --quiet and --inodes-per-group take whole numbers"
[[ -f "$GEN" ]] || die "no gen-corpus.py at $GEN (--gen PATH)"
GNUTIME="$(type -P time || true)"
[[ -n "$GNUTIME" ]] || die "missing GNU time (apt-get install time)"
if [[ -z "$TOOLS" ]]; then
  TOOLS="kiln"
  command -v hugo >/dev/null && TOOLS+=",hugo"
fi
if [[ -z "$WORK" ]]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kiln-back-to-back.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"
fi

TAGS=$(( POSTS / 5 )); (( TAGS < 50 )) && TAGS=50; (( TAGS > 1000 )) && TAGS=1000
echo "building the Kiln jar if it is stale: $REPO/kiln --version" >&2
"$REPO/kiln" --version >&2

for tool in ${TOOLS//,/ }; do
  case "$tool" in
    kiln) layout=plain ;;
    hugo) layout=hugo; command -v hugo >/dev/null || die "hugo is not installed" ;;
    *) die "unknown tool $tool (kiln or hugo)" ;;
  esac
  site="$WORK/site-$layout" out="$WORK/out-$tool"
  [[ -d "$site" ]] || python3 "$GEN" --posts "$POSTS" --seed 42 --tags "$TAGS" --layout "$layout" --out "$site" --quiet
  if [[ "$tool" == kiln ]]; then
    cmd=("$REPO/kiln" build --source "$site" --dest "$out")
  else
    cmd=(hugo --quiet --source "$site" --destination "$out")
  fi
  if (( QUIET > 0 )); then
    echo "$tool: sync, then ${QUIET} s of quiet" >&2
    sync; sleep "$QUIET"
  fi
  for ((i = 1; i <= RUNS; i++)); do
    rm -rf "$out"
    "$GNUTIME" -f "$tool $POSTS posts, run $i: %e s wall, %U s user, %S s system" -o "$WORK/time.txt" \
      "${cmd[@]}" >/dev/null 2>"$WORK/err.txt" || { tail -5 "$WORK/err.txt" >&2; die "$tool build failed"; }
    cat "$WORK/time.txt"
  done
  find "$out" -printf '%i\n' | awk -v per="$PER_GROUP" -v tool="$tool" '
    { g[int(($1 - 1) / per)]++ }
    END { n = 0; max = 0; for (k in g) { n++; if (g[k] > max) max = g[k] }
          printf "%s: %d inodes in %d block groups, at most %d in one\n", tool, NR, n, max }'
done
