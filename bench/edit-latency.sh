#!/usr/bin/env bash
# bench/edit-latency.sh - how long from saving a post to the browser being told to reload, for
# `kiln serve` on a generated blog, and for `hugo server` on the same blog when Hugo is installed.
#
# For each server, on 127.0.0.1 only, two separate runs of K edits (each edit appends one unique line
# to one post, waits for it, then idles 0.5 to 1 s, the random part seeded, so that the edits do not
# keep step with a server that batches file events on a fixed tick, as Hugo does):
#   event: from just before the write until the server's reload message arrives
#          (kiln: `event: reload` on its SSE stream /__kiln/events?page=<the post's path>;
#           hugo: a {"command":"reload"} message on its livereload WebSocket /livereload)
#   poll:  from just before the write until a GET of the post (every 5 ms) returns the new line
# Prints median, p95 (nearest rank), min and max in ms as a Markdown table. Needs bash, python3 and Java
# (and Maven if target/kiln.jar is missing); Hugo optional. Use an idle machine: 2 cores are easily
# disturbed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: bench/edit-latency.sh [options]

Options:
  --posts N         posts in the generated blog (default 1000)
  --tags T          tag vocabulary (default 200)
  --seed S          corpus seed (default 42)
  --edits K         measured edits per server and method (default 25)
  --gen PATH        gen-corpus.py (default: $KILN_BENCH_GEN, else ../shared/bench/gen-corpus.py
                    beside the repository, else /work/shared/bench/gen-corpus.py)
  --jar PATH        the Kiln jar (default target/kiln.jar, built with Maven if missing)
  --no-hugo         measure Kiln only
  --no-poll         measure only the reload messages, not the polled page
  --pause S         idle seconds after each edit (default 0.5), plus a random 0 to --jitter
  --jitter S        (default 0.5; the same sequence every run)
  --edit-timeout S  max seconds for one edit (default 30)
  --ready-timeout S max seconds for a server's first build (default 300)
  --workdir DIR     where the corpora go (default: a new temp dir, removed at exit)
  -h, --help        this help
EOF
}
die() { echo "edit-latency.sh: $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

POSTS=1000 TAGS=200 SEED=42 EDITS=25 GEN="${KILN_BENCH_GEN:-}" JAR="" HUGO=1 POLL=1 PAUSE=0.5 JITTER=0.5
EDIT_T=30 READY_T=300 WORK=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --posts) POSTS="$2"; shift 2 ;;
    --tags) TAGS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --edits) EDITS="$2"; shift 2 ;;
    --gen) GEN="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --no-hugo) HUGO=0; shift ;;
    --no-poll) POLL=0; shift ;;
    --pause) PAUSE="$2"; shift 2 ;;
    --jitter) JITTER="$2"; shift 2 ;;
    --edit-timeout) EDIT_T="$2"; shift 2 ;;
    --ready-timeout) READY_T="$2"; shift 2 ;;
    --workdir) WORK="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument $1" ;;
  esac
done
[[ "$POSTS" =~ ^[0-9]+$ && "$POSTS" -gt 0 ]] || die "--posts must be a positive number"
[[ "$EDITS" =~ ^[0-9]+$ && "$EDITS" -gt 0 ]] || die "--edits must be a positive number"
command -v python3 >/dev/null || die "needs python3"
command -v java >/dev/null || die "needs java"

if [[ -z "$GEN" ]]; then
  for g in "$REPO/../shared/bench/gen-corpus.py" /work/shared/bench/gen-corpus.py; do
    if [[ -f "$g" ]]; then GEN="$g"; break; fi
  done
fi
[[ -n "$GEN" && -f "$GEN" ]] || die "gen-corpus.py not found: pass --gen PATH"

if [[ -z "$JAR" ]]; then
  JAR="$REPO/target/kiln.jar"
  if [[ ! -f "$JAR" ]]; then
    log "building $JAR"
    (cd "$REPO" && mvn -B -q package -DskipTests -Dstyle.color=never) || die "mvn package failed"
  fi
fi
[[ -f "$JAR" ]] || die "no jar at $JAR"
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
if (( HUGO )) && ! command -v hugo >/dev/null; then log "hugo is not on PATH: Kiln only"; HUGO=0; fi

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
if [[ -z "$WORK" ]]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kiln-edit-latency.XXXXXX")"
  trap 'stop_server; rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"
  trap 'stop_server' EXIT
fi
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------
# The measuring client: Python 3 standard library only.
cat > "$WORK/measure.py" <<'PY'
import argparse, base64, http.client, json, math, os, queue, socket, statistics, sys, threading, time
import random
import urllib.parse

p = argparse.ArgumentParser()
p.add_argument("--mode", choices=["sse", "ws", "poll"], required=True)
p.add_argument("--port", type=int, required=True)
p.add_argument("--page", required=True)          # URL path of the edited post
p.add_argument("--file", required=True)          # its source file
p.add_argument("--edits", type=int, required=True)
p.add_argument("--pause", type=float, required=True)
p.add_argument("--jitter", type=float, required=True)
p.add_argument("--timeout", type=float, required=True)
p.add_argument("--label", required=True)
a = p.parse_args()
HOST = "127.0.0.1"
events = queue.Queue()   # perf_counter() of each reload message


def fetch(conn_box, path):
    """GET over a kept-alive connection; returns (status, body)."""
    for attempt in (1, 2):
        try:
            if conn_box[0] is None:
                conn_box[0] = http.client.HTTPConnection(HOST, a.port, timeout=10)
            c = conn_box[0]
            c.request("GET", path, headers={"Cache-Control": "no-cache"})
            r = c.getresponse()
            return r.status, r.read()
        except (OSError, http.client.HTTPException):
            if conn_box[0] is not None:
                conn_box[0].close()
            conn_box[0] = None
            if attempt == 2:
                raise


def sse_reader(sock):
    buf = b""
    while True:
        data = sock.recv(65536)
        if not data:
            return
        now = time.perf_counter()
        buf += data
        # One event is one write on the server, so it never straddles two recv() calls' chunk framing.
        while b"event: reload" in buf:
            events.put(now)
            buf = buf[buf.index(b"event: reload") + len(b"event: reload"):]
        buf = buf[-64:]


def open_sse():
    sock = socket.create_connection((HOST, a.port), timeout=10)
    q = "/__kiln/events?page=" + urllib.parse.quote(a.page, safe="")
    sock.sendall(f"GET {q} HTTP/1.1\r\nHost: {HOST}:{a.port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    head = b""
    while b": connected" not in head:          # the server has registered this client
        data = sock.recv(4096)
        if not data:
            sys.exit(f"{a.label}: the event stream closed before it opened: {head[:300]!r}")
        head += data
    status_line = head.split(b"\r\n", 1)[0]
    if b" 200 " not in status_line:
        sys.exit(f"{a.label}: event stream answered {status_line!r}")
    sock.settimeout(None)
    threading.Thread(target=sse_reader, args=(sock,), daemon=True).start()
    return sock


def ws_send(sock, text):
    payload = text.encode()
    mask = os.urandom(4)
    n = len(payload)
    head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + n.to_bytes(2, "big"))
    sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def ws_frames(sock):
    buf = b""
    def need(k):
        nonlocal buf
        while len(buf) < k:
            d = sock.recv(65536)
            if not d:
                raise EOFError
            buf += d
    while True:
        need(2)
        op, n = buf[0] & 0x0F, buf[1] & 0x7F
        off = 2
        if n == 126:
            need(4); n = int.from_bytes(buf[2:4], "big"); off = 4
        elif n == 127:
            need(10); n = int.from_bytes(buf[2:10], "big"); off = 10
        masked = buf[1] & 0x80
        if masked:
            off += 4
        need(off + n)
        payload = buf[off:off + n]
        buf = buf[off + n:]
        yield op, payload, time.perf_counter()


def ws_reader(sock, frames):
    try:
        for op, payload, now in frames:
            if op == 0x9:       # ping
                sock.sendall(bytes([0x8A, 0x80]) + os.urandom(4))
            elif op == 0x8:
                return
            elif op == 0x1:
                try:
                    msg = json.loads(payload)
                except ValueError:
                    continue
                if msg.get("command") == "reload":
                    events.put(now)
    except (EOFError, OSError):
        return


def open_ws():
    sock = socket.create_connection((HOST, a.port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /livereload HTTP/1.1\r\nHost: {HOST}:{a.port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Origin: http://{HOST}:{a.port}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        d = sock.recv(4096)
        if not d:
            sys.exit(f"{a.label}: livereload handshake closed: {head[:300]!r}")
        head += d
    status_line = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status_line:
        sys.exit(f"{a.label}: livereload handshake answered {status_line!r}")
    rest = head.split(b"\r\n\r\n", 1)[1]
    # Hugo answers a hello only when the message holds exactly "command":"hello" (no spaces).
    ws_send(sock, '{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}')

    class Prefixed:                                 # bytes that came with the handshake come first
        def __init__(self, s, pre): self.s, self.pre = s, pre
        def recv(self, k):
            if self.pre:
                d, self.pre = self.pre, b""
                return d
            return self.s.recv(k)
        def sendall(self, b): self.s.sendall(b)
    ps = Prefixed(sock, rest)
    frames = ws_frames(ps)
    op, payload, _ = next(frames)                    # the server's hello
    if op != 0x1 or json.loads(payload).get("command") != "hello":
        sys.exit(f"{a.label}: no livereload hello: {payload[:200]!r}")
    sock.settimeout(None)
    threading.Thread(target=ws_reader, args=(ps, frames), daemon=True).start()
    return sock


def drain():
    n = 0
    while True:
        try:
            events.get_nowait()
            n += 1
        except queue.Empty:
            return n


def append(marker):
    with open(a.file, "a", encoding="utf-8") as f:
        f.write(f"\n\nA late edit: {marker}.\n")


conn = [None]
status, body = fetch(conn, a.page)
if status != 200:
    sys.exit(f"{a.label}: GET {a.page} answered {status}")
if a.mode == "sse":
    stream = open_sse()
elif a.mode == "ws":
    stream = open_ws()
time.sleep(a.pause)

times, missed, extra, stale = [], 0, 0, 0
rng = random.Random(42)   # the same idle times in every run
for k in range(1, a.edits + 1):
    marker = f"edit-marker-{k}-{time.time_ns()}"
    extra += drain()
    t0 = time.perf_counter()
    append(marker)
    seen = None
    if a.mode == "poll":
        deadline = t0 + a.timeout
        while time.perf_counter() < deadline:
            status, body = fetch(conn, a.page)
            if status == 200 and marker.encode() in body:
                seen = time.perf_counter()
                break
            time.sleep(0.005)
    else:
        try:
            seen = events.get(timeout=a.timeout)
        except queue.Empty:
            pass
    if seen is None:
        missed += 1
        print(f"{a.label}: edit {k}: nothing within {a.timeout:.0f} s", file=sys.stderr)
    else:
        ms = (seen - t0) * 1000
        times.append(ms)
        print(f"{a.label}: edit {k}: {ms:.1f} ms", file=sys.stderr)
    # A random part in the idle time: a server that batches events on a fixed tick (Hugo) must not
    # phase-lock with a fixed edit rhythm, which would always hit the same point of its tick.
    time.sleep(a.pause + rng.uniform(0, a.jitter))
    if a.mode != "poll" and seen is not None:
        # Not timed: after the reload message the page must already carry the edit.
        status, body = fetch(conn, a.page)
        if marker.encode() not in body:
            stale += 1
            print(f"{a.label}: edit {k}: page without the edit after the reload message", file=sys.stderr)
extra += drain()

def pct(xs, q):
    s = sorted(xs)
    return s[max(0, math.ceil(q * len(s)) - 1)]

if times:
    print(json.dumps({"n": len(times), "of": a.edits, "median": statistics.median(times), "p95": pct(times, 0.95),
                      "min": min(times), "max": max(times), "extra": extra, "stale": stale}))
else:
    print(json.dumps({"n": 0, "of": a.edits, "extra": extra, "stale": stale}))
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_ready URL LOG: until URL answers 200, the server dies, or READY_T passes; prints the seconds.
wait_ready() {
  python3 - "$1" "$READY_T" "$SERVER_PID" <<'PY'
import os, sys, time, urllib.request
url, limit, pid = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
t0 = time.monotonic()
while time.monotonic() - t0 < limit:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            if r.status == 200:
                print(f"{time.monotonic() - t0:.1f}")
                sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(1)
    time.sleep(0.1)
sys.exit(1)
PY
}

ROWS="$WORK/rows"; : > "$ROWS"
# measure NAME METHOD-TEXT MODE PORT PAGE FILE
measure() {
  local name="$1" what="$2" mode="$3" port="$4" page="$5" file="$6" out
  log "$name: $EDITS edits, $what"
  out="$(python3 "$WORK/measure.py" --mode "$mode" --port "$port" --page "$page" --file "$file" \
        --edits "$EDITS" --pause "$PAUSE" --jitter "$JITTER" --timeout "$EDIT_T" --label "$name/$mode")" || die "$name/$mode failed"
  python3 - "$name" "$what" "$out" >> "$ROWS" <<'PY'
import json, sys
name, what, r = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
notes = []
if r["extra"]:
    notes.append(f'{r["extra"]} extra reload message(s)')
if r["stale"]:
    notes.append(f'{r["stale"]} page(s) without the edit after the message')
note = "; ".join(notes)
if r["n"]:
    print(f'| {name} | {what} | {r["n"]}/{r["of"]} | {r["median"]:.0f} | {r["p95"]:.0f} | {r["min"]:.0f} | {r["max"]:.0f} | {note} |')
else:
    print(f'| {name} | {what} | 0/{r["of"]} | | | | | nothing seen {note} |')
PY
}

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# --- the post to edit: the first (by name) without its own permalink -----------------------------
log "generating $POSTS posts (seed $SEED, $TAGS tags) in $WORK"
python3 "$GEN" --posts "$POSTS" --seed "$SEED" --tags "$TAGS" --layout plain --out "$WORK/plain" --force --quiet
POST="$(grep -L -E '^(permalink|url):' "$WORK/plain/content/posts/"*.md | sort | head -1 || true)"
[[ -f "$POST" ]] || die "no post without a permalink in $WORK/plain/content/posts"
SLUG="$(basename "$POST" .md)"
# Kiln's default permalink is /:year/:month/:day/:slug/ in UTC; the corpus writes UTC dates.
DAY="$(sed -n 's/^date: *"\{0,1\}\([0-9]\{4\}\)-\([0-9]\{2\}\)-\([0-9]\{2\}\).*/\1\/\2\/\3/p' "$POST" | head -1)"
[[ -n "$DAY" ]] || die "no date in $POST"
KILN_PAGE="/$DAY/$SLUG/"

# --- Kiln -------------------------------------------------------------------------------------------
KPORT="$(free_port)"
log "kiln: java -jar $JAR serve --source $WORK/plain --port $KPORT"
setsid java -jar "$JAR" serve --source "$WORK/plain" --port "$KPORT" > "$WORK/kiln.log" 2>&1 &
SERVER_PID=$!
KREADY="$(wait_ready "http://127.0.0.1:$KPORT$KILN_PAGE")" || { tail -20 "$WORK/kiln.log" >&2; die "kiln serve did not serve $KILN_PAGE"; }
log "kiln: serving $KILN_PAGE after ${KREADY}s"
measure "kiln serve" 'save → `event: reload` on its SSE stream' sse "$KPORT" "$KILN_PAGE" "$POST"
if (( POLL )); then
  measure "kiln serve" "save → page served with the edit (GET every 5 ms, one kept-alive connection)" poll "$KPORT" "$KILN_PAGE" "$POST"
fi
stop_server
KVERSION="$(java -jar "$JAR" --version 2>/dev/null | head -1 || true)"

# --- Hugo -------------------------------------------------------------------------------------------
if (( HUGO )); then
  log "generating the hugo layout of the same blog"
  python3 "$GEN" --posts "$POSTS" --seed "$SEED" --tags "$TAGS" --layout hugo --out "$WORK/hugo" --force --quiet
  HPOST="$WORK/hugo/content/posts/$SLUG.md"
  [[ -f "$HPOST" ]] || die "no $HPOST"
  HPAGE="/posts/$SLUG/"
  HPORT="$(free_port)"
  log "hugo: hugo server --bind 127.0.0.1 --port $HPORT (in $WORK/hugo)"
  setsid bash -c 'cd "$1" && exec hugo server --bind 127.0.0.1 --port "$2"' _ "$WORK/hugo" "$HPORT" \
    > "$WORK/hugo.log" 2>&1 &
  SERVER_PID=$!
  HREADY="$(wait_ready "http://127.0.0.1:$HPORT$HPAGE")" || { tail -20 "$WORK/hugo.log" >&2; die "hugo server did not serve $HPAGE"; }
  log "hugo: serving $HPAGE after ${HREADY}s"
  measure "hugo server" 'save → livereload `{"command":"reload"}` on its WebSocket' ws "$HPORT" "$HPAGE" "$HPOST"
  if (( POLL )); then
    measure "hugo server" "save → page served with the edit (GET every 5 ms, one kept-alive connection)" poll "$HPORT" "$HPAGE" "$HPOST"
  fi
  stop_server
  HVERSION="$(hugo version 2>/dev/null | awk '{print $1, $2}')"
fi

echo
echo "Edit latency, $POSTS posts (gen-corpus.py --seed $SEED --tags $TAGS), $EDITS edits each, edited post $SLUG;"
echo "$(nproc) cores; $(java -version 2>&1 | head -1); ${KVERSION:-kiln}${HVERSION:+; $HVERSION}."
echo "First build until the post was served: kiln ${KREADY}s${HREADY:+, hugo ${HREADY}s}." \
  "Load average before: $LOAD_START; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')."
echo
echo "| server | measured | edits seen | median ms | p95 ms | min ms | max ms | notes |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
cat "$ROWS"
