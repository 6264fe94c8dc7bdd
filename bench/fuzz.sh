#!/usr/bin/env bash
# The fuzz benchmark: builds in Release, starts RabbitMQ (if needed) and the gateway as a real process on a
# fresh virtual host and a free port, and runs bench/Payguru.Bench.Fuzz: N hostile requests of every kind
# mixed with genuine callbacks (some repeated), then FLOOD bodies of 8 MB at 64 in flight. Then it checks that
# the processor's queues hold exactly one message per genuine OK (the processor is not running: they wait there).
# Usage: [N=10000] [C=16] [FLOOD=256] [SEED=1] ./bench/fuzz.sh
# Exit code: 0 every figure right, 1 a figure wrong, 2 the benchmark could not run.
set -euo pipefail

N="${N:-10000}"
C="${C:-16}"
FLOOD="${FLOOD:-256}"
SEED="${SEED:-1}"
PORT="${PORT:-5280}"
# The whole run is bounded: a hang is a wrong figure, not a stuck CI job.
TIME_LIMIT="${TIME_LIMIT:-900}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_ID="$(date +%Y%m%d%H%M%S)-$$"
VHOST="bench-fuzz-${RUN_ID}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/payguru-fuzz.XXXXXX")"
# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
GATEWAY_PID=""
BENCH_PID=""
VHOST_CREATED=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_process "$BENCH_PID"
  stop_process "$GATEWAY_PID"
  if [ -n "$VHOST_CREATED" ]; then
    rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
  fi
  report_logs "$status" gateway
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

(ensure_rabbitmq) || exit 2

cd "$ROOT"
log "building in Release"
for project in services/Gateway/Payguru.Gateway.csproj bench/Payguru.Bench.Fuzz/Payguru.Bench.Fuzz.csproj; do
  dotnet build -c Release --nologo -v quiet "$project" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log" >&2
    log "build of $project failed"
    exit 2
  }
done

log "creating virtual host $VHOST"
VHOST_CREATED=1
rabbitmqctl -q add_vhost "$VHOST" >/dev/null
rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null

while port_in_use "$PORT"; do
  PORT=$((PORT + 1))
done

log "starting the gateway on port $PORT"
(cd "$WORK" && exec env DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development RabbitMq__VirtualHost="$VHOST" \
  URLS="http://127.0.0.1:${PORT}" dotnet "$ROOT/services/Gateway/bin/Release/net10.0/Payguru.Gateway.dll") >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
wait_for_gateway

log "fuzzing: N=$N C=$C FLOOD=$FLOOD SEED=$SEED"
timeout "$TIME_LIMIT" dotnet bench/Payguru.Bench.Fuzz/bin/Release/net10.0/Payguru.Bench.Fuzz.dll \
  --port "$PORT" --gateway-pid "$GATEWAY_PID" --count "$N" --concurrency "$C" --flood "$FLOOD" --seed "$SEED" \
  >"$WORK/fuzz.out" &
BENCH_PID=$!
result=0
wait "$BENCH_PID" || result=$?
BENCH_PID=""
cat "$WORK/fuzz.out"
if [ "$result" -eq 124 ]; then
  log "the fuzz run did not end within $TIME_LIMIT s"
  exit 1
fi

# Every genuine OK is one message in the processor's queues (repeats included: the processor drops them by id).
genuine_ok="$(sed -n 's/^genuine answered OK: \([0-9]*\)$/\1/p' "$WORK/fuzz.out")"
queued="$(rabbitmqctl -q list_queues -p "$VHOST" name messages 2>/dev/null |
  awk '$1 == "refund-processor-payments" || $1 == "refund-processor-refund-results" { sum += $2 } END { print sum + 0 }')"
echo "messages in the processor's queues: $queued (must equal genuine OK: ${genuine_ok:-?})"
if [ "$result" -ne 0 ] || [ "${genuine_ok:-x}" != "$queued" ]; then
  log "a figure is wrong"
  exit 1
fi
log "every figure is right"
