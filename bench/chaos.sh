#!/usr/bin/env bash
# The chaos suite: builds (in Release unless CONFIGURATION says otherwise), starts a 3-node RabbitMQ cluster of its
# own (scripts/rabbitmq-cluster.sh, next to any broker already running) and runs bench/Payguru.Bench.Chaos, which
# starts the sandbox, the gateway and two refund
# processors on one SQLite file (quorum queues), records every event by message id, runs a mixed load for DURATION
# seconds while it injects faults on a schedule (node kill -9 and stop_app, 10 s connection cuts, processor kill -9,
# provider and callback faults), waits for quiet, checks the guarantees and prints the verdict table.
# Usage: [DURATION=180] [CONFIGURATION=Release] ./bench/chaos.sh [--duration SECONDS]
# Exit code: 0 no violation, 1 a violation, 2 the suite could not run.
set -euo pipefail

DURATION="${DURATION:-180}"
# ChaosBenchTests runs the Debug build test.sh made, instead of building everything again in Release.
CONFIGURATION="${CONFIGURATION:-Release}"
if [ "${1:-}" = "--duration" ] && [ -n "${2:-}" ]; then
  DURATION="$2"
fi
# The whole run is bounded: a hang is a violation, not a stuck CI job.
TIME_LIMIT="${TIME_LIMIT:-$((DURATION + 1500))}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/payguru-chaos.XXXXXX")"
CLUSTER="$WORK/cluster"
# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
DRIVER_PID=""
SERVICES=(gateway processor-1 processor-2 sandbox)

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_process "$DRIVER_PID"
  # Whatever the driver left running (it writes each service's pid to pids/), by pid.
  for file in "$WORK"/pids/*; do
    [ -f "$file" ] && stop_process "$(cat "$file")"
  done
  "$ROOT/scripts/rabbitmq-cluster.sh" stop "$CLUSTER" >/dev/null 2>&1 || true
  report_logs "$status" "${SERVICES[@]}"
  if [ -n "${KEEP_WORK:-}" ]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The cluster's nodes are RabbitMQ's own scripts: it must be installed (ensure_rabbitmq installs it).
(ensure_rabbitmq) || exit 2

cd "$ROOT"
log "building in $CONFIGURATION"
for project in tools/Payguru.Sandbox/Payguru.Sandbox.csproj services/Gateway/Payguru.Gateway.csproj \
  services/RefundProcessor/Payguru.RefundProcessor.csproj bench/Payguru.Bench.Chaos/Payguru.Bench.Chaos.csproj; do
  dotnet build -c "$CONFIGURATION" --nologo -v quiet "$project" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log" >&2
    log "build of $project failed"
    exit 2
  }
done

log "machine load before: $(uptime)"
log "starting a 3-node cluster in $CLUSTER"
started=$SECONDS
"$ROOT/scripts/rabbitmq-cluster.sh" start "$CLUSTER" 3 >"$WORK/cluster.log" 2>&1 || {
  cat "$WORK/cluster.log" >&2
  log "the cluster did not start"
  exit 2
}
log "cluster formed in $((SECONDS - started)) s"

log "chaos: DURATION=$DURATION on $(nproc) cores"
# In the background so that Ctrl-C or TERM interrupts the wait at once and the trap cleans up.
timeout "$TIME_LIMIT" dotnet "bench/Payguru.Bench.Chaos/bin/$CONFIGURATION/net10.0/Payguru.Bench.Chaos.dll" \
  --root "$ROOT" --work "$WORK" --cluster "$CLUSTER" --duration "$DURATION" --configuration "$CONFIGURATION" &
DRIVER_PID=$!
result=0
wait "$DRIVER_PID" || result=$?
DRIVER_PID=""
log "machine load after: $(uptime)"
if [ "$result" -eq 124 ]; then
  log "the chaos run did not end within $TIME_LIMIT s"
  exit 1
fi
exit "$result"
