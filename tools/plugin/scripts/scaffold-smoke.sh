#!/usr/bin/env bash
# Scaffold smoke test: in a temporary copy of this workspace (uncommitted work included),
# `nx g @boards/tools:generator` must produce packages whose unit tests, emulator live tests,
# lint and type checks pass without edits, and that Nx selects by tag. One package per
# starter (fal/Replicate/OpenAI/Kie images, speech, transcription, fal video at unknown prices with
# a duration and with audio and video uploads); the first is the acceptance case. The copy is
# removed on exit, failed or not. Takes about three minutes.
#   tools/plugin/scripts/scaffold-smoke.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
export CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0
unset REPLICATE_API_TOKEN FAL_KEY FAL_KEY_ID FAL_KEY_SECRET OPENAI_API_KEY KIE_API_KEY BOARDS_GENERATOR_API_KEYS || true

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scaffold-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
step() { printf '\n--- scaffold-smoke: %s\n' "$*"; }
fail() { echo "scaffold-smoke FAILED: $*" >&2; exit 1; }

step "copy the workspace to $tmp/repo and install from the lock file"
mkdir "$tmp/repo"
tar -C "$root" --exclude=./node_modules --exclude=./.nx --exclude=./.git --exclude=./.live-runs -cf - . | tar -C "$tmp/repo" -xf -
cd "$tmp/repo"
npm ci --no-audit --no-fund --prefer-offline >"$tmp/npm-ci.log" 2>&1 || { cat "$tmp/npm-ci.log"; fail "npm ci"; }

step "scaffold demo-gen as the acceptance check does (known model, no --price), then npm install"
npx nx g @boards/tools:generator demo-gen --provider=fal --model=fal-ai/flux/dev --artifact=image --no-interactive
npm install --no-audit --no-fund >"$tmp/npm-install.log" 2>&1 || { cat "$tmp/npm-install.log"; fail "npm install"; }
grep -q '"packages/demo-gen"' package-lock.json || fail "package-lock.json does not know packages/demo-gen"

step "scaffold one package per other starter"
g() { npx nx g @boards/tools:generator "$@" --skipInstall --no-interactive; }
g smoke-replicate --provider=replicate --model=black-forest-labs/flux-schnell --artifact=image
g smoke-speech --provider=fal --model=fal-ai/elevenlabs/tts/multilingual-v2 --artifact=audio
g smoke-transcript --provider=openai --model=whisper-1 --artifact=text
g smoke-kie --provider=kie --model=seedream/4.5-text-to-image --artifact=image
# A placeholder price: this package is thrown away with the copy.
g smoke-openai-image --provider=openai --model=gpt-image-2 --artifact=image --price=0.053 --checkedOn=2026-12-07
# Prices that cannot be verified: per second of a duration enum ('5', '10'), and a lipsync whose
# required audio and video uploads are real samples (a WAV, an MP4) and whose length no input sets.
g smoke-seconds --provider=fal --model=fal-ai/kling-video/v2.5-turbo/pro/text-to-video --price=unknown --unit=second
g smoke-lipsync --provider=fal --model=veed/lipsync --price=unknown --unit=second
smoke=demo-gen,smoke-replicate,smoke-speech,smoke-transcript,smoke-kie,smoke-openai-image,smoke-seconds,smoke-lipsync

step "refusals: an existing name, a model without a known price"
out=$(g demo-gen --provider=fal --model=fal-ai/flux/dev --artifact=image 2>&1) && fail "a second demo-gen was generated"
echo "$out" | grep -q "packages/demo-gen already exists" || { echo "$out"; fail "no clear error for an existing name"; }
out=$(g smoke-unpriced --provider=fal --model=fal-ai/not-a-priced-model --artifact=image 2>&1) && fail "a model without a price was generated"
echo "$out" | grep -q "pass --price=<USD per image> .* or --price=unknown" || { echo "$out"; fail "no clear error for a missing price"; }
grep -q "unknownPrice({" packages/smoke-seconds/src/smoke-seconds.generator.ts || fail "--price=unknown did not declare unknownPrice"
grep -q "estimateFromPrice(price, seconds(input.duration))" packages/smoke-seconds/src/smoke-seconds.generator.ts || fail "the per-second estimate does not read duration"
grep -q "cheapestInput: { audio_url: SILENT_WAV, video_url: RED_CIRCLE_MP4 }" packages/smoke-lipsync/src/smoke-lipsync.generator.ts || fail "the lipsync's cheapest input does not send a WAV and an MP4"

step "the scaffolded packages: unit tests, emulator live tests, lint, typecheck, tags"
npx nx test demo-gen --skip-nx-cache
npx nx test-live demo-gen -c emulator --skip-nx-cache
npx nx run-many -t test,lint,typecheck -p "$smoke" --skip-nx-cache
npx nx run-many -t test-live -c emulator -p "$smoke" --skip-nx-cache
# Captured first: `nx ... | grep -q` would end nx with EPIPE under pipefail.
fal=$(npx nx show projects --projects=tag:fal)
grep -qx demo-gen <<<"$fal" || fail "tag:fal does not list demo-gen"
text=$(npx nx show projects --projects=tag:text)
grep -qx smoke-transcript <<<"$text" || fail "tag:text does not list smoke-transcript"
echo "scaffold-smoke: ok"
