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
#   scripts/evaluate-minutes.sh -Dminutes.evaluation.set=eval/minutes-holdout
# The last scores the held-out set instead (a path relative to the repository root): its cache,
# report and log are named after it (server/target/minutes-evaluation-minutes-holdout.txt), and
# missed targets do not fail it.
# Needs flite, sox and ffmpeg, like the other audio tests.
set -uo pipefail
cd "$(dirname "$0")/.."
name=minutes-evaluation
for arg in "$@"; do
  if [[ $arg == -Dminutes.evaluation.set=* ]]; then
    set_dir=${arg#-Dminutes.evaluation.set=}
    if [[ $(realpath -m "$set_dir") != $(realpath -m eval/minutes) ]]; then
      name=minutes-evaluation-$(basename "$(realpath -m "$set_dir")")
    fi
  fi
done
report=server/target/$name.txt
log=server/target/$name.log
mkdir -p server/target
rm -f "$report"
./mvnw -q -Dquick -pl server -am test -Pall-tests -Dtest=MinutesEvaluationTests \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1
status=$?
if [[ -f "$report" ]]; then
  cat "$report"
else
  cat "$log"
fi
if [[ $status -ne 0 ]]; then
  echo "Targets missed or the run failed (exit $status); Maven's output: $log"
  grep -E '^\[(clean text|ASR [a-z-]+): .*\] ?$' "$log" | sort -u
fi
exit $status
