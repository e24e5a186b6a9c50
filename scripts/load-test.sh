#!/usr/bin/env bash
# Load test of the web service: uploads distinct recordings all at once, each from its own thread,
# while API clients read meetings (list, meeting, Markdown export, ranges of the recording) with no
# pause; waits until every job is done and prints upload latency, processing makespan and
# throughput, request rate and p50/p95/p99 per request, errors and lost jobs, then the same as
# Markdown tables. Exits non-zero when anything failed or a job was lost.
#   scripts/load-test.sh [--url http://localhost:8080] [--uploads 20] [--readers 50]
#                        [--duration 60s] [--job-limit 30m] [--token TOKEN]
# Without --url it starts `./verbatim serve` on a fresh data directory and stops it at the end.
# The readers run for --duration and at least until every upload has finished. The bearer token
# (also read from VERBATIM_TOKEN) goes with every request. The recordings are made from samples/
# by ffmpeg, each copy a little faster, quieter and later than the one before, so that none
# repeats another (the service would take a repeat for the meeting it already has).
# Needs ffmpeg and curl; builds the server's test classes (dev.verbatim.server.load.LoadTest).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  echo "usage: scripts/load-test.sh [--url URL] [--uploads 20] [--readers 50] [--duration 60s]" \
    "[--job-limit 30m] [--token TOKEN]" >&2
  exit 2
}
url="" uploads=20 token=${VERBATIM_TOKEN:-} options=()
while (( $# )); do
  [[ $# -ge 2 ]] || usage
  case $1 in
    --url) url=$2 ;;
    --uploads) uploads=$2; options+=("$1" "$2") ;;
    --token) token=$2 ;;
    --readers | --duration | --job-limit) options+=("$1" "$2") ;;
    *) usage ;;
  esac
  shift 2
done
export VERBATIM_TOKEN=$token
auth=()
[[ -n $token ]] && auth=(-H "Authorization: Bearer $token")

work=$(mktemp -d)
server=""
stop_server() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap stop_server EXIT

make_recordings() {
  local sources=("$ROOT"/samples/tracks/*.ogg "$ROOT/samples/meeting.mp4")
  mkdir -p "$work/recordings"
  for ((i = 0; i < uploads; i++)); do
    local source=${sources[i % ${#sources[@]}]} copy=$((i / ${#sources[@]}))
    local base name filter
    base=$(basename "${source%.*}")
    name=$(printf '%s/recordings/load-%03d-%s' "$work" "$i" "$base")
    filter=$(awk -v c="$copy" 'BEGIN { printf "adelay=%d:all=1,atempo=%.3f,volume=%.2f", 50 * c, 1 + 0.01 * c, 1 - 0.03 * c }')
    if [[ $source == *.mp4 ]]; then
      ffmpeg -nostdin -v error -i "$source" -c:v copy -af "$filter" -c:a aac -b:a 64k "$name.mp4"
    else
      ffmpeg -nostdin -v error -i "$source" -af "$filter" -c:a libopus -b:a 32k "$name.ogg"
    fi
  done
  if [[ -n $(sha256sum "$work"/recordings/* | cut -d' ' -f1 | sort | uniq -d) ]]; then
    echo "load-test: two recordings came out the same" >&2
    exit 1
  fi
}

start_server() {
  local port=${PORT:-18091}
  # A server of its own gets a throwaway admin whose token the load clients use.
  if [[ -z $token ]]; then
    token="vbt_load-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    export VERBATIM_TOKEN=$token
    auth=(-H "Authorization: Bearer $token")
  fi
  VERBATIM_ADMIN_EMAIL=load@verbatim.test VERBATIM_ADMIN_PASSWORD="$token" VERBATIM_ADMIN_TOKEN="$token" \
    "$ROOT/verbatim" serve --port "$port" --data "$work/data" >"$work/server.log" 2>&1 &
  server=$!
  until curl -sf "${auth[@]}" "localhost:$port/api/meetings" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  url="http://localhost:$port"
}

make_recordings
# The load tool is a test class; Maven writes its class path next to it.
"$ROOT/mvnw" -q -B -Dquick -f "$ROOT/pom.xml" -pl server -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$ROOT/server/target/test-classpath.txt")"
[[ -z $url ]] && start_server

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u '+%F %H:%M') UTC; server $url"
status=0
java -Xmx512m -cp "$classpath" dev.verbatim.server.load.LoadTest \
  --url "$url" --recordings "$work/recordings" "${options[@]}" || status=$?

if [[ -n $server ]]; then
  java_pid=$(pgrep -P "$server" java || echo "$server")
  echo "peak RSS of the server: $(awk '/VmHWM/{printf "%.0f MB", $2/1024}' "/proc/$java_pid/status")"
  if (( status != 0 )); then
    kept="${TMPDIR:-/tmp}/verbatim-load-$(date -u +%Y%m%d-%H%M%S).log"
    cp "$work/server.log" "$kept"
    echo "server warnings and errors (whole log: $kept):" >&2
    grep -E 'WARN|ERROR' "$kept" | tail -20 >&2 || true
  fi
fi
exit $status
