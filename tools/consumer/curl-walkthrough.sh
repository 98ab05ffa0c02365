#!/usr/bin/env bash
# The curl walkthrough of libs/emulator/README.md, run and checked: starts the built boards-emulator
# (libs/emulator/bin, dist/ from `npx nx build emulator`), runs each documented curl command and
# checks its answer: health, the three providers' APIs, faults with and without a test id,
# job-duration, the request log, model registration, then proxy record mode (a second
# boards-emulator with --upstream pointing at the first, --record-to) and --replay of the recording.
# Loopback only; no keys (dummy ones, which must never reach a recording); every curl has a deadline.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin="$repo/libs/emulator/bin/boards-emulator.js"
[ -f "$repo/libs/emulator/dist/index.js" ] || { echo "curl walkthrough: build the emulator first (npx nx build emulator)" >&2; exit 1; }
start=$(date +%s)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "curl walkthrough FAILED: $*" >&2; exit 1; }
steps=0
# check "what" "<answer>" '<JavaScript condition on j, the parsed JSON answer>'
check() {
  node -e 'const j = JSON.parse(process.argv[1]); if (!(eval(process.argv[2]))) process.exit(1)' "$2" "$3" 2>/dev/null ||
    fail "$1: answer $(printf %s "$2" | head -c 300) does not satisfy $3"
  steps=$((steps + 1))
}
c() { curl -sS --max-time 10 "$@"; }
# Starts boards-emulator with the given flags; sets $url to its URL.
emulator() {
  local out="$work/emu-$RANDOM.json"
  node "$bin" --port 0 --json --quiet "$@" >"$out" 2>"$out.err" &
  pids+=($!)
  for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
  [ -s "$out" ] || { cat "$out.err" >&2; fail "boards-emulator $* printed nothing within 10 s"; }
  url=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).url' "$out")
}

emulator --job-ms 0
E=$url

# Health
check "health" "$(c "$E/__emulator/health")" 'j.ok === true && j.replicateBaseUrl.endsWith("/replicate/v1")'

# Replicate: a prediction, held until done by Prefer: wait, then its output downloaded
answer=$(c -X POST "$E/replicate/v1/models/black-forest-labs/flux-schnell/predictions" \
  -H 'Authorization: Bearer r8_dummy' -H 'Content-Type: application/json' -H 'Prefer: wait=5' \
  -d '{"input": {"prompt": "a red circle"}}')
check "replicate prediction" "$answer" 'j.status === "succeeded" && j.output.length === 1'
output=$(node -p 'JSON.parse(process.argv[1]).output[0]' "$answer")
[ "$(c "$output" | head -c 4 | tail -c 3)" = PNG ] || fail "replicate output $output is not a PNG"

# fal: queue submit, status, result (answers name fal's own host; the emulator serves it under /fal/queue)
answer=$(c -X POST "$E/fal/queue/fal-ai/flux/dev" -H 'Authorization: Key fal_dummy' -H 'Content-Type: application/json' -d '{"prompt": "a red circle"}')
check "fal submit" "$answer" 'j.status === "IN_QUEUE" && j.status_url.startsWith("https://queue.fal.run/fal-ai/flux/requests/")'
request_id=$(node -p 'JSON.parse(process.argv[1]).request_id' "$answer")
check "fal status" "$(c "$E/fal/queue/fal-ai/flux/requests/$request_id/status" -H 'Authorization: Key fal_dummy')" 'j.status === "COMPLETED"'
check "fal result" "$(c "$E/fal/queue/fal-ai/flux/requests/$request_id" -H 'Authorization: Key fal_dummy')" 'j.images.length === 1 && j.seed !== undefined'

# OpenAI: an image generation
check "openai image" "$(c -X POST "$E/openai/v1/images/generations" -H 'Authorization: Bearer sk-dummy' -H 'Content-Type: application/json' \
  -d '{"model": "gpt-image-2", "prompt": "a red circle", "size": "1024x1024", "quality": "low"}')" \
  'Buffer.from(j.data[0].b64_json, "base64").subarray(1, 4).toString() === "PNG"'

# Faults without a test id: every request may meet them (here the next OpenAI models request)
check "fault registered" "$(c -X POST "$E/__emulator/faults" -d '{"provider": "openai", "operation": "models", "kind": "status", "status": 503}')" 'j.ok && j.fault.times === 1'
[ "$(c -o /dev/null -w '%{http_code}' "$E/openai/v1/models" -H 'Authorization: Bearer sk-dummy')" = 503 ] || fail "the unscoped fault did not answer 503"
[ "$(c -o /dev/null -w '%{http_code}' "$E/openai/v1/models" -H 'Authorization: Bearer sk-dummy')" = 200 ] || fail "the fault was not consumed once"
steps=$((steps + 2))

# Faults with a test id: only requests carrying the same x-boards-test-id meet them
check "scoped fault" "$(c -X POST "$E/__emulator/faults" -H 'x-boards-test-id: test-a' -d '{"provider": "replicate", "kind": "status", "status": 500, "times": null}')" 'j.fault.testId === "test-a"'
models() { c -o /dev/null -w '%{http_code}' "$E/replicate/v1/models/black-forest-labs/flux-schnell" -H 'Authorization: Bearer r8_dummy' "$@"; }
[ "$(models -H 'x-boards-test-id: test-a')" = 500 ] || fail "test-a did not meet its fault"
[ "$(models -H 'x-boards-test-id: test-b')" = 200 ] || fail "test-b met test-a's fault"
[ "$(models)" = 200 ] || fail "a request without a test id met test-a's fault"
check "scoped faults cleared" "$(c -X DELETE "$E/__emulator/faults" -H 'x-boards-test-id: test-a')" 'j.ok && j.testId === "test-a"'
check "no faults left" "$(c "$E/__emulator/faults")" 'j.length === 0'
steps=$((steps + 3))

# Job duration: for everyone, or for one test
check "job duration" "$(c -X PUT "$E/__emulator/job-duration" -d '{"ms": 0}')" 'j.jobDurationMs === 0'
check "test job duration" "$(c -X PUT "$E/__emulator/job-duration" -H 'x-boards-test-id: slow-test' -d '{"ms": 60000}')" 'j.testId === "slow-test" && j.jobDurationMs === 60000'
predict() { c -X POST "$E/replicate/v1/models/black-forest-labs/flux-schnell/predictions" -H 'Authorization: Bearer r8_dummy' -H 'Content-Type: application/json' -d '{"input": {"prompt": "x"}}' "$@"; }
check "slow test's job" "$(predict -H 'x-boards-test-id: slow-test')" 'j.status === "starting"'
check "other test's job" "$(predict -H 'x-boards-test-id: fast-test' -H 'Prefer: wait=5')" 'j.status === "succeeded"'

# The request log (credentials redacted), then cleared
check "request log" "$(c "$E/__emulator/requests")" 'j.some((r) => r.testId === "slow-test" && r.headers.authorization === "[REDACTED]")'
check "request log cleared" "$(c -X DELETE "$E/__emulator/requests")" 'j.ok === true'

# A model the emulator does not know: 404 until registered
[ "$(c -o /dev/null -w '%{http_code}' -X POST "$E/fal/queue/acme/new-model" -H 'Authorization: Key fal_dummy' -d '{}')" = 404 ] || fail "an unknown model did not answer 404"
check "model registered" "$(c -X POST "$E/__emulator/models" -d '{"provider": "fal", "model": "acme/new-model", "output": "image"}')" 'j.ok && j.model.output === "image"'
check "registered models" "$(c "$E/__emulator/models")" 'j.some((m) => m.model === "acme/new-model")'
check "registered model answers" "$(c -X POST "$E/fal/queue/acme/new-model" -H 'Authorization: Key fal_dummy' -d '{}')" 'j.status === "IN_QUEUE"'
steps=$((steps + 1))

# Proxy record mode: a second boards-emulator forwards Replicate to the first (standing in for
# https://api.replicate.com/v1) and records; the caller's key reaches the upstream, not the recording.
emulator --upstream "replicate=$E/replicate/v1" --record-to "$work/recordings"
P=$url
check "proxy health" "$(c "$P/__emulator/health")" "j.proxy.upstreams.replicate === '$E/replicate/v1'"
check "proxied prediction" "$(c -X POST "$P/replicate/v1/models/black-forest-labs/flux-schnell/predictions" \
  -H 'Authorization: Bearer r8_walkthrough_secret_0123' -H 'Content-Type: application/json' -H 'x-boards-test-id: recorded-test' -H 'Prefer: wait=5' -d '{"input": {"prompt": "a red circle"}}')" \
  "j.status === 'succeeded' && j.urls.get.startsWith('$P/replicate/v1/predictions/')"
# (the first emulator's log keeps a fingerprint of each credential, never the credential)
check "upstream saw the caller's key" "$(c "$E/__emulator/requests")" \
  'j.some((r) => r.credential === require("crypto").createHash("sha256").update("r8_walkthrough_secret_0123").digest("hex").slice(0, 16))'
recording="$work/recordings/recorded-test.replicate.json"
[ -f "$recording" ] || fail "no recording at $recording"
grep -q r8_walkthrough_secret "$recording" && fail "the caller's key reached the recording"
check "recording" "$(cat "$recording")" 'j.format === "boards-recording/1" && j.provenance.mode === "emulator" && j.provenance.model === "black-forest-labs/flux-schnell"'
steps=$((steps + 1))

# Replay: a third boards-emulator answers from the recording
emulator --replay "$recording"
R=$url
check "replayed prediction" "$(c -X POST "$R/replicate/v1/models/black-forest-labs/flux-schnell/predictions" -H 'Authorization: Bearer r8_dummy' -H 'Content-Type: application/json' -d '{}')" \
  "j.status === 'succeeded' && j.urls.get.startsWith('$R/replicate/v1/predictions/')"
[ "$(c -o /dev/null -w '%{http_code}' "$R/openai/v1/models")" = 501 ] || fail "replay answered something it did not record"
steps=$((steps + 1))

echo "curl walkthrough ok: $steps checked answers (health, replicate, fal, openai, faults with and without a test id, job-duration, requests, models, proxy record, replay); $(($(date +%s) - start)) s"
