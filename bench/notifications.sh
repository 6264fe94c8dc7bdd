#!/usr/bin/env bash
# The notifications benchmark: builds in Release, starts RabbitMQ (if needed) and the gateway as a
# real process on a fresh virtual host, and runs bench/Payguru.Bench, which measures the baseline
# and the gateway and then starts the refund processor on a fresh database to record what was queued; then the
# real case: a gateway and the processor(s) at the same time, against a gateway and a plain consumer at the same time.
# Usage: [N=50000] [C=32] [WARMUP=5000] [PROCESSORS=1|2] ./bench/notifications.sh
# Exit code: 0 every target met, 1 a target missed, 2 the benchmark could not run.
set -euo pipefail

N="${N:-50000}"
C="${C:-32}"
WARMUP="${WARMUP:-5000}"
PORT="${PORT:-5180}"
PROCESSORS="${PROCESSORS:-1}"
case "$PROCESSORS" in
  1 | 2) ;;
  *) echo "PROCESSORS must be 1 or 2 (was '$PROCESSORS')" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_ID="$(date +%Y%m%d%H%M%S)-$$"
VHOST="bench-${RUN_ID}"
BASELINE_VHOST="bench-${RUN_ID}-baseline"
REAL_VHOST="bench-${RUN_ID}-real"
CONSUMER_BASELINE_VHOST="bench-${RUN_ID}-real-baseline"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/payguru-bench.XXXXXX")"
# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
GATEWAY_PID=""
BENCH_PID=""
VHOSTS_CREATED=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_process "$BENCH_PID"
  stop_process "$GATEWAY_PID"
  # The bench starts the processors, the real case's gateways and the baseline consumer itself and leaves their pids here.
  local pidfile service
  for pidfile in "$WORK"/*.pid; do
    [ -f "$pidfile" ] && stop_process "$(cat "$pidfile")"
  done
  if [ -n "$VHOSTS_CREATED" ]; then
    for vhost in "$VHOST" "$BASELINE_VHOST" "$REAL_VHOST" "$CONSUMER_BASELINE_VHOST"; do
      rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
    done
  fi
  # shellcheck disable=SC2046 # one word per log file
  report_logs "$status" $(cd "$WORK" && ls -- *.log 2>/dev/null | grep -v '^build' | sed 's/\.log$//')
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ensure_rabbitmq dies with 1; here that means the benchmark could not run.
(ensure_rabbitmq) || exit 2

cd "$ROOT"
log "building in Release"
for project in services/Gateway/Payguru.Gateway.csproj services/RefundProcessor/Payguru.RefundProcessor.csproj bench/Payguru.Bench/Payguru.Bench.csproj; do
  dotnet build -c Release --nologo -v quiet "$project" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log" >&2
    log "build of $project failed"
    exit 2
  }
done

log "creating virtual hosts $VHOST, $BASELINE_VHOST, $REAL_VHOST and $CONSUMER_BASELINE_VHOST"
VHOSTS_CREATED=1
for vhost in "$VHOST" "$BASELINE_VHOST" "$REAL_VHOST" "$CONSUMER_BASELINE_VHOST"; do
  rabbitmqctl -q add_vhost "$vhost" >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
done

while port_in_use "$PORT"; do
  PORT=$((PORT + 1))
done

export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export RabbitMq__VirtualHost="$VHOST"
DB="$WORK/payguru.db"

log "starting the gateway on port $PORT"
(cd "$WORK" && exec env URLS="http://127.0.0.1:${PORT}" \
  dotnet "$ROOT/services/Gateway/bin/Release/net10.0/Payguru.Gateway.dll") >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!

wait_for_gateway

# The broker's CPU is part of each notification's cost; without its pid that figure is left out.
broker_args=()
broker_pid="$(rabbitmqctl -q eval 'list_to_integer(os:getpid()).' 2>/dev/null || true)"
case "$broker_pid" in
  '' | *[!0-9]*) ;;
  *) broker_args=(--broker-pid "$broker_pid") ;;
esac

log "measuring: N=$N C=$C PROCESSORS=$PROCESSORS; load average at start $(uptime | sed 's/.*load average: //')"
# In the background so that Ctrl-C or TERM interrupts the wait at once and the trap cleans up.
dotnet bench/Payguru.Bench/bin/Release/net10.0/Payguru.Bench.dll \
  --count "$N" --concurrency "$C" --warmup "$WARMUP" \
  --gateway-url "http://127.0.0.1:${PORT}" --gateway-pid "$GATEWAY_PID" \
  --processor-dll "$ROOT/services/RefundProcessor/bin/Release/net10.0/Payguru.RefundProcessor.dll" --work-dir "$WORK" \
  ${broker_args[@]+"${broker_args[@]}"} \
  --db "$DB" --baseline-vhost "$BASELINE_VHOST" \
  --gateway-dll "$ROOT/services/Gateway/bin/Release/net10.0/Payguru.Gateway.dll" \
  --real-vhost "$REAL_VHOST" --consumer-baseline-vhost "$CONSUMER_BASELINE_VHOST" --processors "$PROCESSORS" &
BENCH_PID=$!
result=0
wait "$BENCH_PID" || result=$?
BENCH_PID=""
log "load average at the end $(uptime | sed 's/.*load average: //')"
exit "$result"
