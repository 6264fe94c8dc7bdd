#!/usr/bin/env bash
# Brings the whole system up on this machine: RabbitMQ (installed and started when missing),
# the gateway, the refund processor and the Payguru sandbox, with the documented demo
# credentials unless the environment says otherwise. Ctrl-C stops everything it started
# (RabbitMQ keeps running).
#
#   ./run.sh        the system, until Ctrl-C
#   ./run.sh demo   the system plus samples/OrderService, then a whole story against the sandbox
#                   (identity, payment, identity check, refund request, submission, payout, refund result);
#                   stops after it
#   ./run.sh errors list | replay <queue>_error [--count N]
#                   MassTransit's _error queues on the broker of RabbitMq__*: what failed, and moving it back
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

mode=${1:-}
case "$mode" in
  "" | demo) ;;
  errors)
    shift
    ensure_rabbitmq
    ensure_rabbitmq_management
    # The tool's output is the answer: the build speaks only when it fails.
    build_log=$(dotnet build tools/Payguru.ErrorQueues -c Release -nologo -v quiet 2>&1) \
      || { printf '%s\n' "$build_log" >&2; die "building tools/Payguru.ErrorQueues failed"; }
    exec dotnet tools/Payguru.ErrorQueues/bin/Release/net10.0/Payguru.ErrorQueues.dll "$@"
    ;;
  *) die "usage: ./run.sh [demo | errors list | errors replay <queue>_error [--count N]]" ;;
esac

root=$PWD
gateway_url=${GATEWAY_URL:-http://127.0.0.1:5080}
processor_url=${PROCESSOR_URL:-http://127.0.0.1:5081}
sandbox_url=${SANDBOX_URL:-http://127.0.0.1:5090}
state_dir=$root/.run
mkdir -p "$state_dir"

# Development configuration carries the demo credentials (merchant 123 / mk-secret, service DEMO / sk-secret).
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-$DOTNET_ENVIRONMENT}
export ConnectionStrings__Payguru=${ConnectionStrings__Payguru:-Data Source=$state_dir/payguru.db}
# The services call the sandbox as Payguru; the sandbox calls the gateway back.
export Payguru__BaseUrl=${Payguru__BaseUrl:-$sandbox_url}
export Paywall__BaseUrl=${Paywall__BaseUrl:-$sandbox_url}
export Paywall__MemberBaseUrl=${Paywall__MemberBaseUrl:-$sandbox_url}
export Sandbox__Merchants__0__CallbackBaseUrl=${Sandbox__Merchants__0__CallbackBaseUrl:-$gateway_url}
# The processor's database outlives a run, so the sandbox must not hand out a txid or refund id again
# (Payguru never does; the processor would take a repeated txid for a duplicate notification).
run_epoch=$(date +%s)
export Sandbox__FirstTxid=${Sandbox__FirstTxid:-$((run_epoch * 1000))}
export Sandbox__FirstRefundId=${Sandbox__FirstRefundId:-$((run_epoch * 1000))}

ensure_rabbitmq
apt_install sqlite3 sqlite3

# require_free_port URL VARIABLE: stops with advice when something already listens on URL's port.
require_free_port() {
  local port=${1##*:}; port=${port%%/*}
  if ss -ltn 2>/dev/null | awk '{print $4}' | grep -qE "[:.]$port\$"; then
    die "port $port is in use (another ./run.sh?). Stop that process (ss -ltnp | grep $port) or choose another: $2=http://127.0.0.1:<port> ./run.sh"
  fi
}
require_free_port "$gateway_url" GATEWAY_URL
require_free_port "$processor_url" PROCESSOR_URL
require_free_port "$sandbox_url" SANDBOX_URL

say "building"
dotnet build services/Gateway -c Release -nologo -v quiet
dotnet build services/RefundProcessor -c Release -nologo -v quiet
dotnet build tools/Payguru.Sandbox -c Release -nologo -v quiet
[ "$mode" = demo ] && dotnet build samples/OrderService -c Release -nologo -v quiet

pids=()
stop() {
  trap - INT TERM EXIT
  say "stopping"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# start NAME DLL ARGS...: runs a service with its output prefixed by its name.
start() {
  local name=$1 dll=$2; shift 2
  dotnet "$dll" "$@" > >(sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
}

start processor services/RefundProcessor/bin/Release/net10.0/Payguru.RefundProcessor.dll --urls "$processor_url"
start gateway services/Gateway/bin/Release/net10.0/Payguru.Gateway.dll --urls "$gateway_url"
start sandbox tools/Payguru.Sandbox/bin/Release/net10.0/Payguru.Sandbox.dll --urls "$sandbox_url"

# wait_for_http URL: until anything answers there (a 404 is an answer).
wait_for_http() {
  local code
  for _ in $(seq 1 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)
    [ "$code" != 000 ] && return 0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a service exited during start-up; its output is above"; done
    sleep 0.5
  done
  die "nothing answered at $1 within 30 s"
}

# wait_for_ready NAME URL: until URL/health/ready answers 200 (bus connected; for the processor, database too).
wait_for_ready() {
  for _ in $(seq 1 60); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$2/health/ready" || true)" = 200 ] && return 0
    sleep 0.5
  done
  die "the $1 is not ready within 30 s: $(curl -s "$2/health/ready")"
}
wait_for_http "$gateway_url/"
wait_for_http "$processor_url/health/live"
wait_for_http "$sandbox_url/_sandbox/stats"
wait_for_ready gateway "$gateway_url"
wait_for_ready processor "$processor_url"

if [ "$mode" = demo ]; then
  # The sample internal service refunds 5.00 of every payment it hears of.
  say "ready: $gateway_url/health/ready (gateway), $processor_url/health/ready (processor)"
  OrderService__RefundOnPayment=5.00 start order-service samples/OrderService/bin/Release/net10.0/OrderService.dll
  source scripts/demo.sh
  run_demo "$gateway_url" "$sandbox_url" "$state_dir/payguru.db"
  exit 0
fi

cat <<INFO

  Payguru.Bus is running ($DOTNET_ENVIRONMENT).
    gateway    $gateway_url   (Payguru callbacks: /PhsNotifyService, /PhsRefundNotifyService, /TCKNVerifyService;
               refund API: /refunds, client tokens: /client-tokens, with X-Api-Key: demo-api-key; OpenAPI: /openapi/v1.json;
               health: $gateway_url/health/live, $gateway_url/health/ready)
    processor  consumes refund-processor-{payments,refunds,refund-results,queries,identities,identity-results,identity-queries,sub-merchants,client-tokens} on amqp://${RabbitMq__Host:-localhost}:${RabbitMq__Port:-5672}${RabbitMq__VirtualHost:-/}
               database ${ConnectionStrings__Payguru}
               health: $processor_url/health/live, $processor_url/health/ready
    sandbox    $sandbox_url   (stands in for Payguru; calls the gateway back; tools/Payguru.Sandbox/README.md)
    RabbitMQ   amqp://${RabbitMq__Host:-localhost}:${RabbitMq__Port:-5672} (guest/guest on loopback)

  Try the payment notification, the sandbox's test transaction or a refund from the README, then:
    sqlite3 $state_dir/payguru.db 'SELECT txid, order_ref, amount, service_code FROM payments;'
    sqlite3 $state_dir/payguru.db 'SELECT request_id, order_ref, amount, state, refund_id FROM refunds;'

  Ctrl-C stops the gateway, the processor and the sandbox.

INFO
wait -n "${pids[@]}" || true
say "a service stopped; its output is above"
