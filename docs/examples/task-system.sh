#!/usr/bin/env bash
# A task system's side of Verbatim, end to end with curl and jq:
#   1. pull the open action items changed since the last sync, page by page;
#   2. create a task for each new one, and link it back (externalId, externalUrl);
#   3. when a task is finished, mark its item done, so the meeting page and exports show it.
#
# Usage: VERBATIM_URL=http://localhost:8080 VERBATIM_TOKEN=vbt_... docs/examples/task-system.sh
# The token needs the scopes meetings:read and action-items:write (make one on the API tokens page).
# The "task system" here is a directory of files: each task is TASKS_DIR/<key>.json.
set -euo pipefail

: "${VERBATIM_URL:?set VERBATIM_URL, e.g. http://localhost:8080}"
: "${VERBATIM_TOKEN:?set VERBATIM_TOKEN to an API token}"
TASKS_DIR=${TASKS_DIR:-./tasks}
STATE=${STATE:-$TASKS_DIR/.last-sync}
mkdir -p "$TASKS_DIR"

api() { # METHOD PATH [curl options...]: the response body; fails on an HTTP error
  local method=$1 path=$2
  shift 2
  curl --silent --show-error --fail-with-body -X "$method" \
    -H "Authorization: Bearer $VERBATIM_TOKEN" -H 'Accept: application/json' \
    "$@" "$VERBATIM_URL$path"
}

# 1. Items changed since the last sync. The API lists them in the order they changed and hands out
#    a cursor until the last page; remembering when this sync started makes the next one cheap.
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
query="status=open&limit=50"
if [[ -s $STATE ]]; then query+="&updatedSince=$(cat "$STATE")"; fi
cursor=""
created=0
while :; do
  page=$(api GET "/api/action-items?$query${cursor:+&cursor=$cursor}")
  while IFS= read -r item; do
    id=$(jq -r .id <<<"$item")
    [[ $(jq -r .externalId <<<"$item") == null ]] || continue # already a task

    # 2. Create the task (here: a file) and link it back. If-Match carries the version we read,
    #    so a change made meanwhile in Verbatim is not overwritten (412: read it again).
    key="TASK-$(( $(find "$TASKS_DIR" -name 'TASK-*.json' | wc -l) + 1 ))"
    jq '{key: "'"$key"'", title: .text, owner, due, source: .link, quote}' <<<"$item" \
      >"$TASKS_DIR/$key.json"
    api PATCH "/api/action-items/$id" \
      -H "If-Match: \"$(jq -r .version <<<"$item")\"" -H 'Content-Type: application/json' \
      -d "{\"externalId\": \"$key\", \"externalUrl\": \"https://tasks.example.com/$key\"}" \
      >/dev/null
    echo "created $key for $id: $(jq -r .text <<<"$item")"
    created=$((created + 1))
  done < <(jq -c '.items[]' <<<"$page")
  cursor=$(jq -r '.nextCursor // empty' <<<"$page")
  [[ -n $cursor ]] || break
done
echo "$started" >"$STATE"
echo "$created new task(s)"

# 3. Someone finishes a task in the task system: report it back. GET gives the current ETag.
if [[ -n ${DONE_TASK:-} ]]; then
  id=$(api GET "/api/action-items?limit=200" |
    jq -r --arg key "$DONE_TASK" '.items[] | select(.externalId == $key) | .id' | head -n 1)
  [[ -n $id ]] || { echo "no action item is linked to $DONE_TASK" >&2; exit 1; }
  etag=$(curl --silent --show-error --fail -o /dev/null -D - \
    -H "Authorization: Bearer $VERBATIM_TOKEN" "$VERBATIM_URL/api/action-items/$id" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
  api PATCH "/api/action-items/$id" -H "If-Match: $etag" -H 'Content-Type: application/json' \
    -d '{"status": "done"}' | jq -r '"\(.id) is now \(.status): \(.text)"'
fi
