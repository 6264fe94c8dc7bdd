#!/usr/bin/env bash
# The sandbox benchmark: builds in Release, starts tools/Payguru.Sandbox as a real process on a
# free port, and drives refund/create at it with bench/Payguru.Bench.Sandbox. The sandbox must not
# be what the other benchmarks measure: it has to serve at least TARGET (3000) refund/create per
# second on this machine. Usage: [N=100000] [C=32] [WARMUP=5000] [TARGET=3000] [POST=1] ./bench/sandbox.sh
# Exit code: 0 the target was met, 1 it was missed, 2 the benchmark could not run.
set -euo pipefail

N="${N:-100000}"
C="${C:-32}"
WARMUP="${WARMUP:-5000}"
TARGET="${TARGET:-3000}"
PORT="${PORT:-5190}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/payguru-sandbox-bench.XXXXXX")"
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
SANDBOX_PID=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$SANDBOX_PID" ] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
    kill -TERM "$SANDBOX_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SANDBOX_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$SANDBOX_PID" 2>/dev/null || true
  fi
  if [ "$status" -eq 2 ] && [ -s "$WORK/sandbox.log" ]; then
    log "last lines of the sandbox's log:"
    tail -n 20 "$WORK/sandbox.log" >&2
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$ROOT"
log "building in Release"
for project in tools/Payguru.Sandbox/Payguru.Sandbox.csproj bench/Payguru.Bench.Sandbox/Payguru.Bench.Sandbox.csproj; do
  dotnet build -c Release --nologo -v quiet "$project" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log" >&2
    log "build of $project failed"
    exit 2
  }
done

while port_in_use "$PORT"; do
  PORT=$((PORT + 1))
done
URL="http://127.0.0.1:${PORT}"

log "starting the sandbox on $URL"
# Started from the work directory with the default (Production) settings, as ./run.sh would.
(cd "$WORK" && exec dotnet "$ROOT/tools/Payguru.Sandbox/bin/Release/net10.0/Payguru.Sandbox.dll" --urls "$URL") >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!

for _ in $(seq 1 120); do
  if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
    log "the sandbox exited during start-up"
    exit 2
  fi
  if curl -sf -o /dev/null "$URL/_sandbox/stats"; then
    break
  fi
  sleep 0.25
done
curl -sf -o /dev/null "$URL/_sandbox/stats" || { log "the sandbox did not answer on $URL within 30 s"; exit 2; }

post_args=()
[ -n "${POST:-}" ] && post_args=(--post)

log "measuring: N=$N C=$C WARMUP=$WARMUP target >= $TARGET/s on $(nproc) cores"
set +e
dotnet bench/Payguru.Bench.Sandbox/bin/Release/net10.0/Payguru.Bench.Sandbox.dll \
  --url "$URL" --count "$N" --concurrency "$C" --warmup "$WARMUP" --target "$TARGET" \
  --sandbox-pid "$SANDBOX_PID" ${post_args[@]+"${post_args[@]}"}
result=$?
set -e
exit "$result"
