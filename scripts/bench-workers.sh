#!/usr/bin/env bash
# Measures the job queue scaled out: one `verbatim serve --role web` and 1 or 2 `--role worker`
# processes on a PostgreSQL cluster made for the run, with the same recordings each time.
#  1. Throughput: uploads N distinct recordings at once and prints the makespan (first upload to
#     last "done") as meetings per hour, for each layout: 1 worker with every recognition thread,
#     2 workers with half of them each, and 2 workers with all of them each (oversubscribed).
#  2. Recovery: kills (SIGKILL) the worker that runs a job and prints how long until the other
#     worker claimed it again, with the default lease (60 s) and a short one (10 s).
# Before each timed run every worker processes a short clip or two, so that loading the speech
# model (once per process) is not part of the figures.
#   scripts/bench-workers.sh [--recordings 8] [--skip-recovery]
# Needs PostgreSQL's initdb/pg_ctl/psql, ffmpeg, curl and python3; builds the jar first if needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
recordings=8 recovery=1
while (( $# )); do
  case $1 in
    --recordings) recordings=$2; shift 2 ;;
    --skip-recovery) recovery=0; shift ;;
    *) echo "usage: scripts/bench-workers.sh [--recordings 8] [--skip-recovery]" >&2; exit 2 ;;
  esac
done
cores=$(nproc)
work=$(mktemp -d)
chmod 755 "$work"
pids=()
pgport=${PGPORT_BENCH:-15432}
pgdata="$work/pg"
as_postgres=()
[[ $(id -u) == 0 ]] && as_postgres=(runuser -u postgres --)

cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  "${as_postgres[@]}" pg_ctl -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A PostgreSQL cluster of its own, on a port of its own, trusted from this machine only.
mkdir -p "$pgdata"
[[ ${#as_postgres[@]} -gt 0 ]] && chown postgres "$pgdata"
"${as_postgres[@]}" initdb -D "$pgdata" -U postgres --auth=trust >/dev/null
"${as_postgres[@]}" pg_ctl -D "$pgdata" -l "$pgdata/log" -w \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d "${DB:-postgres}" -Atqc "$1"; }

# Distinct recordings: each copy of the sample a little faster and quieter than the one before, so
# that none repeats another (the service takes a repeat for the meeting it already has).
echo "making $recordings recordings..." >&2
files=()
for i in $(seq 1 "$recordings"); do
  f="$work/rec-$i.wav"
  ffmpeg -v error -y -i "$ROOT/samples/meeting.mp4" \
    -af "atempo=$(python3 -c "print(1 + $i * 0.01)"),volume=$(python3 -c "print(1 - $i * 0.02)")" \
    -ar 16000 -ac 1 "$f"
  files+=("$f")
done
# Short clips that each worker's first job takes, so the timed runs do not include loading the model.
warmups=()
for i in 1 2 3 4; do
  f="$work/warmup-$i.wav"
  ffmpeg -v error -y -ss $(( i * 9 )) -t 4 -i "$ROOT/samples/meeting.mp4" -ar 16000 -ac 1 "$f"
  warmups+=("$f")
done
audio=$(python3 -c "
import sys, wave
print(sum(wave.open(f).getnframes() / wave.open(f).getframerate() for f in sys.argv[1:]))" "${files[@]}")

# The jar, built once before any timing starts.
"$ROOT/verbatim" --version >/dev/null

token="vbt_bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
auth=(-H "Authorization: Bearer $token")
web_port=18190

# launch ROLE PORT THREADS LEASE VAR: starts one process on the run's database and data directory
# (Spring Boot reads the settings from the environment), waits until it answers and puts its pid in
# VAR.
launch() {
  local role=$1 port=$2 threads=$3 lease=$4 heap=512m probe=/api/health
  [[ $role == web ]] && { heap=384m; probe=/api/meetings; }
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pgport/$DB" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    VERBATIM_SEARCH_INDEX_DIR="$run/index-$port" \
    VERBATIM_TRANSCRIBE_WORKERS="$threads" VERBATIM_JOBS_LEASE="$lease" \
    JAVA_OPTS="-Xmx$heap -XX:+UseSerialGC" \
    VERBATIM_ADMIN_EMAIL=bench@localhost VERBATIM_ADMIN_PASSWORD="$token" VERBATIM_ADMIN_TOKEN="$token" \
    "$ROOT/verbatim" serve --role "$role" --port "$port" --data "$run/data" >"$run/$role-$port.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  until curl -sf "${auth[@]}" "localhost:$port$probe" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -50 "$run/$role-$port.log" >&2; exit 1; }
    sleep 0.5
  done
  eval "$5=$pid"
}

# layout WORKERS THREADS LEASE: a fresh database and data directory with a web process and the
# workers, one after the other (the first admin is made once).
layout() {
  local workers=$1 threads=$2 lease=$3 pid
  DB="bench_$RANDOM$RANDOM"
  DB=postgres sql "CREATE DATABASE $DB"
  run="$work/$DB"
  mkdir -p "$run/data"
  launch web "$web_port" 1 "$lease" pid
  for w in $(seq 1 "$workers"); do
    launch worker $((web_port + w)) "$threads" "$lease" pid
  done
}

stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}

upload() {
  curl -sf "${auth[@]}" -F "file=@$1" "localhost:$web_port/api/meetings" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

echo "machine: $cores cores, $(free -g | awk '/Mem:/{print $2}') GB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "recordings: $recordings x $(python3 -c "print(round($audio / $recordings, 1))") s ($(python3 -c "print(round($audio / 60, 1))") min of audio)"
echo
printf '%-34s %10s %14s %14s %18s\n' layout makespan meetings/hour "audio h per h" "worker peak RSS"
for spec in "1 $cores" "2 $(( cores / 2 > 0 ? cores / 2 : 1 ))" "2 $cores"; do
  read -r workers threads <<<"$spec"
  layout "$workers" "$threads" 60s
  for f in "${warmups[@]:0:$(( 2 * workers ))}"; do upload "$f" >/dev/null; done
  until [[ $(sql "SELECT COUNT(*) FROM job WHERE status IN ('done','failed')") == $(( 2 * workers )) ]]; do
    sleep 0.5
  done
  sql "DELETE FROM job" >/dev/null
  began=$(date +%s.%N)
  uploads=()
  for f in "${files[@]}"; do
    upload "$f" >/dev/null &
    uploads+=($!)
  done
  for u in "${uploads[@]}"; do wait "$u"; done
  until [[ $(sql "SELECT COUNT(*) FROM job WHERE status IN ('done','failed')") == "$recordings" ]]; do
    sleep 0.5
  done
  ended=$(date +%s.%N)
  failed=$(sql "SELECT COUNT(*) FROM job WHERE status = 'failed'")
  # The largest peak resident memory among the workers (pids[0] is the web process).
  rss=$(for p in "${pids[@]:1}"; do awk '/VmHWM/{print $2}' "/proc/$p/status"; done | sort -n | tail -1)
  python3 - "$workers" "$threads" "$began" "$ended" "$recordings" "$audio" "$failed" "$rss" <<'PY'
import sys
w, t, began, ended, n, audio, failed, rss = sys.argv[1:]
span = float(ended) - float(began)
label = f"{w} worker(s) x {t} recognition thread(s)"
note = f"  ({failed} failed)" if failed != "0" else ""
print(f"{label:<34} {span:9.1f}s {int(n) * 3600 / span:14.0f} {float(audio) / span:14.1f}"
      f" {int(rss) / 1024:15.0f} MB{note}")
PY
  stop_all
done

if (( recovery )); then
  echo
  printf '%-20s %22s\n' lease "dead job picked up after"
  for lease in 60s 10s; do
    layout 2 $(( cores / 2 > 0 ? cores / 2 : 1 )) "$lease"
    id=$(upload "${files[0]}")
    # Wait until recognition is under way, then kill the worker that holds the job.
    until [[ $(sql "SELECT COUNT(*) FROM job WHERE meeting_id = '$id' AND status = 'running' AND progress >= 0.1") == 1 ]]; do
      sleep 0.1
    done
    holder=$(sql "SELECT split_part(worker, '@', 1) FROM job WHERE meeting_id = '$id'")
    kill -9 "$holder"
    wait "$holder" 2>/dev/null || true
    killed=$(date +%s.%N)
    until [[ $(sql "SELECT COUNT(*) FROM job WHERE meeting_id = '$id' AND attempts = 2") == 1 ]]; do
      sleep 0.1
    done
    picked=$(date +%s.%N)
    python3 -c "print(f'{\"$lease\":<20} {$picked - $killed:21.1f}s')"
    stop_all
  done
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
