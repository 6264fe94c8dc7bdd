#!/usr/bin/env bash
# Brings the whole system up on this machine: RabbitMQ (installed and started when missing),
# the gateway and the refund processor, with the documented demo credentials unless the
# environment says otherwise. Ctrl-C stops everything it started (RabbitMQ keeps running).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

root=$PWD
gateway_url=${GATEWAY_URL:-http://127.0.0.1:5080}
state_dir=$root/.run
mkdir -p "$state_dir"

# Development configuration carries the demo credentials (merchant 123 / mk-secret, service DEMO / sk-secret).
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-$DOTNET_ENVIRONMENT}
export ConnectionStrings__Payguru=${ConnectionStrings__Payguru:-Data Source=$state_dir/payguru.db}

ensure_rabbitmq
apt_install sqlite3 sqlite3

port=${gateway_url##*:}; port=${port%%/*}
if ss -ltn 2>/dev/null | awk '{print $4}' | grep -qE "[:.]$port\$"; then
  die "port $port is in use (another ./run.sh?). Stop that process or choose another: GATEWAY_URL=http://127.0.0.1:5081 ./run.sh"
fi

say "building"
dotnet build services/Gateway -c Release -nologo -v quiet
dotnet build services/RefundProcessor -c Release -nologo -v quiet

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

start processor services/RefundProcessor/bin/Release/net10.0/Payguru.RefundProcessor.dll
start gateway services/Gateway/bin/Release/net10.0/Payguru.Gateway.dll --urls "$gateway_url"

for _ in $(seq 1 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$gateway_url/" || true)
  [ "$code" != 000 ] && break
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a service exited during start-up; its output is above"; done
  sleep 0.5
done

cat <<INFO

  Payguru.Bus is running ($DOTNET_ENVIRONMENT).
    gateway    $gateway_url   (Payguru callbacks: /PhsNotifyService)
    processor  consumes queue refund-processor-payments on amqp://${RabbitMq__Host:-localhost}:${RabbitMq__Port:-5672}${RabbitMq__VirtualHost:-/}
               database ${ConnectionStrings__Payguru}
    RabbitMQ   amqp://${RabbitMq__Host:-localhost}:${RabbitMq__Port:-5672} (guest/guest on loopback)

  Try the payment notification from the README, then:
    sqlite3 $state_dir/payguru.db 'SELECT txid, order_ref, amount, service_code FROM payments;'

  Ctrl-C stops the gateway and the processor.

INFO
wait -n "${pids[@]}" || true
say "a service stopped; its output is above"
