#!/usr/bin/env bash
# Scores the minutes engine on the evaluation set (eval/minutes, described in its README) in three
# conditions -- clean script text, the recognised mixed recording, the recognised per-speaker
# tracks -- and prints the tables, with every miss and false positive, from
# server/target/minutes-evaluation.txt. Fails when a target is missed.
#
# The first run speaks and recognises every meeting (several minutes); later runs reuse the audio
# and transcripts cached in server/target/minutes-evaluation/ and take seconds.
#   scripts/evaluate-minutes.sh -Dminutes.evaluation.conditions=clean      # just the clean text
#   scripts/evaluate-minutes.sh -Dminutes.evaluation.retranscribe=true     # after pipeline changes
# Needs flite, sox and ffmpeg, like the other audio tests.
set -uo pipefail
cd "$(dirname "$0")/.."
report=server/target/minutes-evaluation.txt
mkdir -p server/target
rm -f "$report"
./mvnw -q -Dquick -pl server -am test -Pall-tests -Dtest=MinutesEvaluationTests \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" > server/target/minutes-evaluation.log 2>&1
status=$?
if [[ -f "$report" ]]; then
  cat "$report"
else
  cat server/target/minutes-evaluation.log
fi
if [[ $status -ne 0 ]]; then
  echo "Targets missed or the run failed (exit $status); Maven's output: server/target/minutes-evaluation.log"
  grep -E '^\[(clean text|ASR [a-z-]+): .*\] ?$' server/target/minutes-evaluation.log | sort -u
fi
exit $status
