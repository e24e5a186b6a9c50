#!/usr/bin/env bash
# Measures the web service end to end: starts `verbatim serve` on a fresh data directory, uploads
# recordings one after the other through the API, and prints for each the upload time, the time
# from upload to "done", and the real-time factor; then the server's peak resident memory.
#   scripts/bench-server.sh [recording…]   (default: samples/meeting.mp4 and, when present,
#                                          /tmp/verbatim-bench/meeting-long.m4a from bench-audio.sh)
# Needs curl and python3; builds the jar first if needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files=("$@")
if (( ${#files[@]} == 0 )); then
  files=("$ROOT/samples/meeting.mp4")
  [[ -f /tmp/verbatim-bench/meeting-long.m4a ]] && files+=(/tmp/verbatim-bench/meeting-long.m4a)
fi
data=$(mktemp -d)
port=${PORT:-18090}
log="$data/server.log"
# A fresh server gets an admin and an API token for this run; every call sends the token.
token="vbt_bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
auth=(-H "Authorization: Bearer $token")
VERBATIM_ADMIN_EMAIL=bench@localhost VERBATIM_ADMIN_PASSWORD="$token" VERBATIM_ADMIN_TOKEN="$token" \
  "$ROOT/verbatim" serve --port "$port" --data "$data" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "${auth[@]}" "localhost:$port/api/meetings" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
java_pid=$(pgrep -P $pid java || echo $pid)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%F)"
printf '%-28s %10s %9s %10s %8s\n' recording size upload processing speed
for f in "${files[@]}"; do
  start=$(date +%s.%N)
  id=$(curl -sf "${auth[@]}" -F "file=@$f" "localhost:$port/api/meetings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  uploaded=$(date +%s.%N)
  # The list holds status and duration without the transcript, which is large for long meetings.
  while :; do
    read -r status duration < <(curl -sf "${auth[@]}" "localhost:$port/api/meetings?size=100" \
      | python3 -c 'import json,sys; m=[x for x in json.load(sys.stdin)["items"] if x["id"]==sys.argv[1]][0]; print(m["status"], m["durationMs"]/1000)' "$id")
    [[ $status == done || $status == failed ]] && break
    sleep 0.5
  done
  done_at=$(date +%s.%N)
  python3 - "$f" "$(stat -c %s "$f")" "$start" "$uploaded" "$done_at" "$duration" "$status" <<'PY'
import sys, os
name, size, start, up, done, dur, status = sys.argv[1:]
size, start, up, done, dur = int(size), float(start), float(up), float(done), float(dur)
proc = done - up
speed = f"{dur / proc:.1f}x" if status == "done" and proc > 0 else status
print(f"{os.path.basename(name):<28} {size/1e6:8.1f}MB {up-start:8.2f}s {proc:9.1f}s {speed:>8}  ({dur:.0f} s of audio)")
PY
done
echo "peak RSS of the server: $(awk '/VmHWM/{printf "%.0f MB", $2/1024}' /proc/$java_pid/status)"
