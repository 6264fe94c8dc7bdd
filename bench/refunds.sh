#!/usr/bin/env bash
# The refunds benchmark: builds in Release, starts RabbitMQ (if needed), the sandbox, the refund
# processor (fresh SQLite file) and a plain MassTransit baseline consumer as real processes, each
# bus on a fresh virtual host, and runs bench/Payguru.Bench.Refunds, which sends RequestRefund
# from its own bus and times each request until its RefundSubmitted arrives.
# PROCESSORS=2 runs two processor instances on the same database and queues.
# Usage: [N=5000] [C=32] [WARMUP=5000] [ORDERS=...] [PROCESSORS=1|2] ./bench/refunds.sh
# Exit code: 0 every target met, 1 a target missed, 2 the benchmark could not run.
set -euo pipefail

N="${N:-5000}"
C="${C:-32}"
WARMUP="${WARMUP:-5000}"
ORDERS="${ORDERS:-}"
PORT="${PORT:-5195}"
PROCESSORS="${PROCESSORS:-1}"
case "$PROCESSORS" in
  1 | 2) ;;
  *) echo "PROCESSORS must be 1 or 2 (was '$PROCESSORS')" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_ID="$(date +%Y%m%d%H%M%S)-$$"
VHOST="bench-refunds-${RUN_ID}"
BASELINE_VHOST="bench-refunds-${RUN_ID}-baseline"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/payguru-refunds-bench.XXXXXX")"
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
SANDBOX_PID=""
PROCESSOR_PIDS=()
BASELINE_PID=""
BENCH_PID=""
VHOSTS_CREATED=""
SERVICES=(sandbox baseline)

# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"

# The processor logs at Warning here: a warning is something that went wrong with a refund.
report_log_warnings() {
  local service="$1" file="$WORK/$1.log" count
  [ -s "$file" ] || return 0
  count="$(grep -cE '^[0-9:]* ?warn: ' "$file" || true)"
  if [ "${count:-0}" -gt 0 ]; then
    log "the $service logged $count warnings; the first:"
    grep -m 3 -E '^[0-9:]* ?warn: ' "$file" | cut -c 1-400 >&2 || true
  fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_process "$BENCH_PID"
  local pid
  for pid in ${PROCESSOR_PIDS[@]+"${PROCESSOR_PIDS[@]}"}; do
    stop_process "$pid"
  done
  stop_process "$BASELINE_PID"
  stop_process "$SANDBOX_PID"
  if [ -n "$VHOSTS_CREATED" ]; then
    rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
    rabbitmqctl -q delete_vhost "$BASELINE_VHOST" >/dev/null 2>&1 || true
  fi
  report_logs "$status" "${SERVICES[@]}"
  for service in $(cd "$WORK" && ls -- processor*.log 2>/dev/null | sed 's/\.log$//'); do
    report_logs "$status" "$service"
    report_log_warnings "$service"
  done
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_for_consumer NAME PID VHOST [COUNT]: until the refund queue on VHOST has COUNT consumers (default 1: the service is up).
wait_for_consumer() {
  local name="$1" pid="$2" vhost="$3" count="${4:-1}" queue=refund-processor-refunds
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the $name exited during start-up"
      exit 2
    fi
    if rabbitmqctl -q list_queues -p "$vhost" name consumers 2>/dev/null |
      awk -v q="$queue" -v n="$count" '$1 == q && $2 >= n { found = 1 } END { exit !found }'; then
      return 0
    fi
    sleep 0.5
  done
  log "the $name did not consume $queue on $vhost within 60 s or more"
  exit 2
}

# ensure_rabbitmq dies with 1; here that means the benchmark could not run.
(ensure_rabbitmq) || exit 2

cd "$ROOT"
log "building in Release"
for project in tools/Payguru.Sandbox/Payguru.Sandbox.csproj services/RefundProcessor/Payguru.RefundProcessor.csproj \
  bench/Payguru.Bench.Refunds/Payguru.Bench.Refunds.csproj; do
  dotnet build -c Release --nologo -v quiet "$project" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log" >&2
    log "build of $project failed"
    exit 2
  }
done
BENCH_DLL="$ROOT/bench/Payguru.Bench.Refunds/bin/Release/net10.0/Payguru.Bench.Refunds.dll"

log "creating virtual hosts $VHOST and $BASELINE_VHOST"
VHOSTS_CREATED=1
for vhost in "$VHOST" "$BASELINE_VHOST"; do
  rabbitmqctl -q add_vhost "$vhost" >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
done

while port_in_use "$PORT"; do
  PORT=$((PORT + 1))
done
SANDBOX_URL="http://127.0.0.1:${PORT}"

log "starting the sandbox on $SANDBOX_URL"
# Its default (Production) settings, as ./bench/sandbox.sh; its state is in memory, so it is fresh.
(cd "$WORK" && exec dotnet "$ROOT/tools/Payguru.Sandbox/bin/Release/net10.0/Payguru.Sandbox.dll" --urls "$SANDBOX_URL") \
  >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 120); do
  if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
    log "the sandbox exited during start-up"
    exit 2
  fi
  curl -sf -o /dev/null "$SANDBOX_URL/_sandbox/stats" && break
  sleep 0.25
done
curl -sf -o /dev/null "$SANDBOX_URL/_sandbox/stats" || { log "the sandbox did not answer on $SANDBOX_URL within 30 s"; exit 2; }

DB="$WORK/payguru.db"
# Development: the demo credentials the sandbox knows. Logging at Warning: the processor logs an
# Information line per refund (and more per step); the baseline consumer logs nothing. Its health
# endpoints on any free port: not 5081, which a ./run.sh may hold. A second instance shares the
# database and the queues, as the two-instance integration tests run them (docs/architecture.md).
for instance in $(seq 1 "$PROCESSORS"); do
  name=processor
  [ "$instance" -gt 1 ] && name="processor-$instance"
  log "starting $name (database $DB)"
  (cd "$WORK" && exec env DOTNET_ENVIRONMENT=Development \
    Payguru__BaseUrl="$SANDBOX_URL" \
    ConnectionStrings__Payguru="Data Source=$DB" \
    RabbitMq__VirtualHost="$VHOST" \
    Logging__LogLevel__Default=Warning \
    dotnet "$ROOT/services/RefundProcessor/bin/Release/net10.0/Payguru.RefundProcessor.dll" --urls http://127.0.0.1:0) >"$WORK/$name.log" 2>&1 &
  PROCESSOR_PIDS+=("$!")
done

log "starting the baseline consumer"
# The processor's GC (workstation, concurrent) rather than the load generator's (non-concurrent).
(cd "$WORK" && exec env DOTNET_gcConcurrent=1 dotnet "$BENCH_DLL" baseline-consumer --vhost "$BASELINE_VHOST") \
  >"$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!

for pid in "${PROCESSOR_PIDS[@]}"; do
  wait_for_consumer processor "$pid" "$VHOST" "$PROCESSORS"
done
wait_for_consumer "baseline consumer" "$BASELINE_PID" "$BASELINE_VHOST"

# The broker's CPU is part of each refund's cost; without its pid that figure is left out.
broker_args=()
broker_pid="$(rabbitmqctl -q eval 'list_to_integer(os:getpid()).' 2>/dev/null || true)"
case "$broker_pid" in
  '' | *[!0-9]*) ;;
  *) broker_args=(--broker-pid "$broker_pid") ;;
esac

orders_args=()
[ -n "$ORDERS" ] && orders_args=(--orders "$ORDERS")

log "measuring: N=$N C=$C WARMUP=$WARMUP PROCESSORS=$PROCESSORS on $(nproc) cores; load average at start $(uptime | sed 's/.*load average: //')"
# In the background so that Ctrl-C or TERM interrupts the wait at once and the trap cleans up.
dotnet "$BENCH_DLL" \
  --count "$N" --concurrency "$C" --warmup "$WARMUP" ${orders_args[@]+"${orders_args[@]}"} \
  --vhost "$VHOST" --baseline-vhost "$BASELINE_VHOST" --sandbox-url "$SANDBOX_URL" --db "$DB" \
  --processor-pid "$(IFS=,; echo "${PROCESSOR_PIDS[*]}")" --sandbox-pid "$SANDBOX_PID" --baseline-pid "$BASELINE_PID" \
  ${broker_args[@]+"${broker_args[@]}"} &
BENCH_PID=$!
result=0
wait "$BENCH_PID" || result=$?
BENCH_PID=""
log "load average at the end $(uptime | sed 's/.*load average: //')"
exit "$result"
