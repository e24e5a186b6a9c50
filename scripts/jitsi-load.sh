#!/usr/bin/env bash
# Capacity of live Jitsi transcription: holds N concurrent participant streams against /asr/vosk,
# each paced at real time as Jigasi sends it (48,000 bytes of 48 kHz audio every 500 ms, flite
# speech), and prints p50/p95/p99 from the end of an utterance's last word to its final result,
# and how late each reply is after its piece (whether the server keeps up).
#   scripts/jitsi-load.sh [--url ws://localhost:8080/asr/vosk] [--streams 20] [--seconds 60] [--rounds 1]
# With --rounds 2 the same streams run again once the first round has ended: the first round meets a
# freshly started server, the second the recognizers the first left warm.
# Without --url it starts `./verbatim serve` with verbatim.jitsi.enabled=true on a fresh data
# directory and stops it at the end. Needs flite and sox; builds the server's test classes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="" streams=20 seconds=60 rounds=1
while (( $# )); do
  [[ $# -ge 2 ]] || { echo "usage: scripts/jitsi-load.sh [--url URL] [--streams 20] [--seconds 60] [--rounds 1]" >&2; exit 2; }
  case $1 in
    --url) url=$2 ;;
    --streams) streams=$2 ;;
    --seconds) seconds=$2 ;;
    --rounds) rounds=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
work=$(mktemp -d)
server=""
cleanup() {
  local code=$?
  if [[ -n $server ]]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
  exit $code
}
trap cleanup EXIT

"$ROOT/mvnw" -q -B -Dquick -f "$ROOT/pom.xml" -pl server -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$ROOT/server/target/test-classpath.txt")"

if [[ -z $url ]]; then
  port=${PORT:-18092}
  token="vbt_load-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  VERBATIM_JITSI_ENABLED=true VERBATIM_ADMIN_EMAIL=load@verbatim.test VERBATIM_ADMIN_PASSWORD="$token" \
    VERBATIM_ADMIN_TOKEN="$token" "$ROOT/verbatim" serve --port "$port" --data "$work/data" \
    >"$work/server.log" 2>&1 &
  server=$!
  until curl -sf "localhost:$port/api/health" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  url="ws://localhost:$port/asr/vosk"
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u '+%F %H:%M') UTC; $url"
status=0
for (( round = 1; round <= rounds; round++ )); do
  (( rounds == 1 )) || echo "round $round"
  OPENBLAS_NUM_THREADS=1 java -Xmx256m -cp "$classpath" dev.verbatim.server.load.JitsiLoad "$url" "$streams" "$seconds" || status=$?
done
if [[ -n $server ]]; then
  java_pid=$(pgrep -P "$server" java || echo "$server")
  echo "peak RSS of the server: $(awk '/VmHWM/{printf "%.0f MB", $2/1024}' "/proc/$java_pid/status")"
fi
exit $status
