#!/bin/sh
# Submits a job with curl, then long-polls until its result arrives.
set -eu
auth="Authorization: Key $OPENPIXELS_API_KEY"

job=$(curl -sS -X POST "$OPENPIXELS_BASE_URL/v2/submit" -H "$auth" \
  -H 'Content-Type: application/json' \
  -d '{"model": "flux-dev", "prompt": "a red fox asleep in the snow"}')
echo "$job"

# Until the answer's type is "result", the job is still running.
while ! echo "$job" | grep -q '"type":"result"'; do
  # Anything else is a refusal (a bad key, no credits…):
  # the envelope printed above says why.
  echo "$job" | grep -q '"type":"update"' || exit 1
  id=$(echo "$job" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  job=$(curl -sS "$OPENPIXELS_BASE_URL/v2/poll/$id" -H "$auth")
  echo "$job"
done
