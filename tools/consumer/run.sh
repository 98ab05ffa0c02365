#!/usr/bin/env bash
# Consumer test: the published packages used by a project outside this workspace.
# Builds and packs the libs, installs the tarballs (no workspace links) with the official SDKs and
# jest at the lock file's versions in a scratch project under mktemp -d, starts `npx boards-emulator`,
# runs one generation per provider with the SDKs, runs a jest conformance test of a generator the
# project defines itself, then stops the emulator with SIGTERM and checks it exits 0. First, after the
# build, the emulator README's curl walkthrough runs against the built bin (curl-walkthrough.sh).
# Between the SDK generations and jest, the Vercel AI SDK's provider packages run against the same
# emulator (ai-sdk/: its own package.json and lock file, `npm ci` in a copy under the scratch folder).
# Network: the npm registry only (for the SDKs and jest). Nothing spends money.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/tools/consumer"
export CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
start=$(date +%s)
work=$(mktemp -d)
emu_pid=
# npx runs the bin under `npm exec` -> `sh -c` -> node, and a signal to npx does not reach node:
# every stop signals the whole chain, by pid.
tree() { local kid; echo "$1"; for kid in $(pgrep -P "$1" 2>/dev/null || true); do tree "$kid"; done; }
cleanup() {
  [ -n "$emu_pid" ] && kill $(tree "$emu_pid") 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "consumer test FAILED: $*" >&2; exit 1; }

cd "$repo"
npx nx run-many -t build --output-style=static >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "nx run-many -t build"; }
walkthrough=$(bash "$here/curl-walkthrough.sh") || fail "the emulator README's curl walkthrough (tools/consumer/curl-walkthrough.sh)"
echo "$walkthrough"
mkdir -p "$work/tgz" "$work/project"
libs=(libs/core libs/config libs/cost libs/storage libs/emulator libs/testing libs/providers/*)
for d in "${libs[@]}"; do
  (cd "$d" && npm pack --silent --pack-destination "$work/tgz" >/dev/null) || fail "npm pack in $d"
done
tarballs=("$work"/tgz/*.tgz)
# The third-party versions this workspace is tested with (package-lock.json).
locked() { node -p "require('./package-lock.json').packages['node_modules/$1'].version"; }
sdks=("openai@$(locked openai)" "replicate@$(locked replicate)" "@fal-ai/client@$(locked @fal-ai/client)" "jest@$(locked jest)" "zod@$(locked zod)")

cd "$work/project"
cat >package.json <<'JSON'
{ "name": "boards-consumer", "version": "1.0.0", "private": true, "jest": { "testEnvironment": "node", "transform": {} } }
JSON
npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}" "${sdks[@]}" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "npm install of the tarballs"; }
for d in node_modules/@boards/*; do [ -L "$d" ] && fail "$d is a link, not an installed package"; done
[ -x node_modules/.bin/boards-emulator ] || fail "no boards-emulator bin after installing @boards/emulator"
cp "$here/sdk-generations.mjs" "$here/consumer.test.js" .

npx boards-emulator --port 0 --json --quiet >emu.json 2>emu.err &
emu_pid=$!
for _ in $(seq 1 100); do node -e 'JSON.parse(require("fs").readFileSync("emu.json","utf8"))' 2>/dev/null && break; sleep 0.1; done
doc=$(cat emu.json)
[ -n "$doc" ] || { cat emu.err; fail "boards-emulator printed no JSON document within 10 s"; }
node -e 'const d=JSON.parse(process.argv[1]); fetch(d.controlUrl+"/health").then(r=>r.json()).then(h=>{if(!h.ok)process.exit(1)})' "$doc" || fail "health check"
node sdk-generations.mjs "$doc" || fail "an official SDK could not generate against boards-emulator"

# The Vercel AI SDK, at the versions of ai-sdk/package-lock.json, outside this workspace and the
# project above; @boards/emulator (no dependencies) is linked from the project for rewriteFalUrl.
ai_start=$(date +%s)
mkdir -p "$work/ai-sdk"
cp "$here/ai-sdk/package.json" "$here/ai-sdk/package-lock.json" "$here/ai-sdk/ai-sdk.mjs" "$work/ai-sdk/"
(cd "$work/ai-sdk" && npm ci --no-audit --no-fund --loglevel=error) >"$work/ai-sdk.log" 2>&1 || { cat "$work/ai-sdk.log"; fail "npm ci in tools/consumer/ai-sdk"; }
mkdir -p "$work/ai-sdk/node_modules/@boards"
ln -s "$work/project/node_modules/@boards/emulator" "$work/ai-sdk/node_modules/@boards/emulator"
ai_sdk=$(cd "$work/ai-sdk" && node ai-sdk.mjs "$doc") || fail "the Vercel AI SDK could not generate against boards-emulator (tools/consumer/ai-sdk/ai-sdk.mjs)"
echo "$ai_sdk ($(( $(date +%s) - ai_start )) s with npm ci)"

npx jest --ci consumer.test.js >jest.log 2>&1 || { cat jest.log; fail "the consumer's conformance test"; }
tests=$(grep -E '^Tests:' jest.log | sed 's/^Tests: *//')

# SIGTERM stops it within 5 s. npx itself exits 143 on SIGTERM, so the bin's own
# exit status is checked on a second start without npx.
stop_emulator() {
  local status=0
  local pids
  pids=$(tree "$emu_pid")
  kill -TERM $pids
  for _ in $(seq 1 50); do kill -0 $pids 2>/dev/null || break; sleep 0.1; done
  for p in $pids; do kill -0 "$p" 2>/dev/null && fail "boards-emulator (pid $p) did not exit within 5 s of SIGTERM"; done
  wait "$emu_pid" || status=$?
  emu_pid=
  return "$status"
}
stop_emulator || [ $? -eq 143 ] || fail "npx boards-emulator did not stop cleanly on SIGTERM"
node_modules/.bin/boards-emulator --port 0 --json --quiet >emu2.json 2>emu2.err &
emu_pid=$!
for _ in $(seq 1 100); do [ -s emu2.json ] && break; sleep 0.1; done
[ -s emu2.json ] || { cat emu2.err; fail "boards-emulator (second start) printed nothing within 10 s"; }
status=0
stop_emulator || status=$?
[ "$status" -eq 0 ] || fail "boards-emulator exited $status after SIGTERM, not 0"

echo "consumer test ok: ${#tarballs[@]} packed packages installed outside the workspace; 3 SDK generations; $(grep -o '[0-9]* calls' <<<"$ai_sdk") of the Vercel AI SDK; conformance ${tests}; boards-emulator stopped on SIGTERM (exit 0); $(( $(date +%s) - start )) s"
