#!/usr/bin/env bash
# Search benchmark: Verbatim's Lucene index against PostgreSQL full-text search on one synthetic
# corpus (dev.verbatim.bench.SearchBenchmark in the bench module). Prints progress on stderr and a
# Markdown report at the end: the machine, loading time and size, latency per query class, Lucene
# with facets, and the heap while paging deep.
#   scripts/bench-search.sh [--meetings 1000] [--words 6000] [--queries 2000] [--seed 42]
#                           [--pages 100] [--dir DIR] [--skip-postgres]
# JAVA_OPTS overrides the JVM settings (default: a fixed 1 GB heap and the server's serial GC).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# In the reactor, so the modules come from this tree rather than whatever ~/.m2 holds.
./mvnw -q -B -Dquick -pl bench -am package -DskipTests
classpath="$(ls bench/target/verbatim-bench-*.jar | head -1):$(cat bench/target/classpath.txt)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%F %H:%M UTC')
report=$(mktemp)
trap 'rm -f "$report"' EXIT
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC} -cp "$classpath" \
  dev.verbatim.bench.SearchBenchmark "$@" >"$report"
echo
echo "# Search benchmark"
echo
echo "- command: \`scripts/bench-search.sh $*\`"
echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"\
  "$(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1)"
echo "- started $started, finished $(date -u '+%F %H:%M UTC');"\
  "load average (1, 5, 15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$report"
