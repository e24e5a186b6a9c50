#!/usr/bin/env bash
# Jibri finalize script: hands a finished recording to Verbatim, then gets out of Jibri's way.
#
# Jibri runs it with one argument, the recording's directory (<session>/<call>_<date>.mp4 and
# metadata.json), and stays busy until it exits, so it works within a time budget:
#   jibri.recording.finalize-script = "/opt/verbatim/finalize.sh"     (jibri.conf)
#   JIBRI_FINALIZE_RECORDING_SCRIPT_PATH=/opt/verbatim/finalize.sh    (docker-jitsi-meet)
# Settings, from the environment or from /etc/jitsi/jibri/verbatim.env (VERBATIM_ENV_FILE):
#   VERBATIM_URL            Verbatim's address, e.g. https://minutes.example.com (required)
#   VERBATIM_TOKEN          an API token with meetings:write (required; make one on the API tokens page)
#   VERBATIM_UPLOAD_BUDGET  seconds to keep trying, in all (default 300)
#   VERBATIM_KEEP_UPLOADED  "true" keeps the directory after a successful upload (default: removed)
# Exit status: 0 uploaded; 1 not uploaded (the directory stays for another try); 2 misused.
set -uo pipefail

log() { echo "verbatim-finalize: $*" >&2; }

dir=${1:-}
if [[ -z $dir || ! -d $dir ]]; then
  log "usage: finalize.sh <recording directory> (got '${dir}')"
  exit 2
fi
env_file=${VERBATIM_ENV_FILE:-/etc/jitsi/jibri/verbatim.env}
# shellcheck disable=SC1090
[[ -r $env_file ]] && . "$env_file"
if [[ -z ${VERBATIM_URL:-} || -z ${VERBATIM_TOKEN:-} ]]; then
  log "set VERBATIM_URL and VERBATIM_TOKEN (in $env_file or the environment)"
  exit 2
fi
budget=${VERBATIM_UPLOAD_BUDGET:-300}
deadline=$((SECONDS + budget))

shopt -s nullglob
recordings=("$dir"/*.mp4)
if ((${#recordings[@]} == 0)); then
  log "no .mp4 in $dir; nothing to upload"
  exit 1
fi
metadata=()
[[ -f $dir/metadata.json ]] && metadata=(-F "metadata=@$dir/metadata.json;type=application/json")

# One attempt: prints the HTTP status; curl's own failures (no connection, timeout) print 000.
attempt() {
  local file=$1 remaining=$2
  curl --silent --show-error --output "$dir/.verbatim-response" --write-out '%{http_code}' \
    --connect-timeout 10 --max-time "$remaining" \
    -H "Authorization: Bearer $VERBATIM_TOKEN" \
    -F "file=@$file;type=video/mp4" "${metadata[@]}" \
    "${VERBATIM_URL%/}/api/meetings" 2>>"$dir/.verbatim-curl.log" || true
}

for recording in "${recordings[@]}"; do
  delay=2
  while :; do
    remaining=$((deadline - SECONDS))
    if ((remaining <= 0)); then
      log "gave up on $recording after ${budget}s; it stays in $dir"
      exit 1
    fi
    status=$(attempt "$recording" "$remaining")
    case $status in
      200 | 202)
        log "uploaded $(basename "$recording"): $(tr -d '\n' <"$dir/.verbatim-response")"
        break
        ;;
      400 | 401 | 403 | 413 | 415 | 422)
        # Retrying cannot help: a wrong token, a refused file. Say why, keep the recording.
        log "Verbatim refused $(basename "$recording") ($status): $(tr -d '\n' <"$dir/.verbatim-response" 2>/dev/null)"
        exit 1
        ;;
      *)
        log "upload of $(basename "$recording") failed (HTTP $status); retrying in ${delay}s"
        sleep "$((delay < remaining ? delay : remaining))"
        delay=$((delay * 2 > 30 ? 30 : delay * 2))
        ;;
    esac
  done
done

rm -f "$dir/.verbatim-response" "$dir/.verbatim-curl.log"
if [[ ${VERBATIM_KEEP_UPLOADED:-false} != true ]]; then
  rm -rf -- "$dir"
fi
exit 0
