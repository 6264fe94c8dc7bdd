#!/usr/bin/env bash
# Smoke test of the production profile (docker-compose.yml) on a machine with a Docker engine: builds and starts
# every service, waits until each reports healthy (and the database init has succeeded), sends one payment
# notification and one refund through the sandbox, and checks /health/ready of both services. Removes the
# containers and the volume at the end. COMPOSE overrides the compose command (default: docker compose).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

read -r -a compose <<< "${COMPOSE:-docker compose}"
compose+=(-f docker-compose.yml)
gateway=http://127.0.0.1:5080
processor=http://127.0.0.1:5081
sandbox=http://127.0.0.1:5090
api_key=${GATEWAY_API_KEY:-demo-api-key}
token_key=e792f9c549e5fef1356fb563318853c0 # md5("123" + "127.0.0.1" + "mk-secret"): the demo merchant's
order="SMOKE-$(date +%s)"

finish() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    "${compose[@]}" ps -a >&2 || true
    "${compose[@]}" logs --no-color --tail 200 >&2 || true
  fi
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  exit "$status"
}
trap finish EXIT

# health SERVICE: the container's health status (starting, healthy, unhealthy) or its state when it has no check.
health() {
  local id
  id=$("${compose[@]}" ps -a -q "$1")
  [ -n "$id" ] || { echo missing; return; }
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}:{{.State.ExitCode}}{{end}}' "$id"
}

# wait_for DESCRIPTION SECONDS COMMAND...: runs COMMAND every second until it succeeds.
wait_for() {
  local description=$1 seconds=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  die "smoke: no $description within $seconds s"
}

all_healthy() {
  local service
  for service in rabbitmq sqlserver sandbox processor gateway; do
    [ "$(health "$service")" = healthy ] || return 1
  done
  [ "$(health sqlserver-init)" = exited:0 ]
}

# payment_recorded: the processor has the order's payment in its SQL Server database (PaymentAccepted consumed).
payment_recorded() {
  local count
  count=$("${compose[@]}" exec -T sqlserver sh -c '/opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -P "$MSSQL_SA_PASSWORD" -C -b -d Payguru -h -1 -W -Q "SET NOCOUNT ON; SELECT COUNT(*) FROM payments WHERE order_ref = N'"'$order'"';"')
  [ "$(echo "$count" | tr -d '[:space:]')" = 1 ]
}

refund_state_is() {
  curl -fsS "$gateway/refunds/$request_id" -H "X-Api-Key: $api_key" | grep -q "\"state\":\"$1\""
}

say "building and starting the production profile"
"${compose[@]}" up -d --build
wait_for "healthy services (rabbitmq, sqlserver, sandbox, processor, gateway) and a finished sqlserver-init" 300 all_healthy
say "every service is healthy"

say "payment: the sandbox's test transaction for $order notifies the gateway"
token=$(curl -fsS "$sandbox/phs/getToken?merchant=123&key=$token_key" | sed -E 's/.*"token":"([^"]+)".*/\1/')
answer=$(curl -fsS -H "merchant: 123" -H "token: $token" "$sandbox/phs/transaction/test?code=DEMO&ref=PG-$order&amount=25.00&order=$order")
[ "$answer" = OK ] || die "smoke: the gateway answered the payment notification with '$answer', not OK"
wait_for "payment of $order recorded by the processor" 60 payment_recorded
say "the processor recorded the payment of $order"

say "refund: 5.00 of $order through the gateway's API, made at the sandbox by the processor, paid at its end of day"
request_id=$(cat /proc/sys/kernel/random/uuid)
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$gateway/refunds" -H "X-Api-Key: $api_key" -H 'Content-Type: application/json' \
  -d "{\"refundRequestId\":\"$request_id\",\"order\":\"$order\",\"amount\":5.00,\"contactName\":\"Smoke Test\",\"iban\":\"TR800011100000000036888459\"}")
[ "$status" = 202 ] || die "smoke: POST /refunds answered $status, not 202"
wait_for "submitted refund $request_id" 90 refund_state_is submitted
curl -fsS -X POST "$sandbox/_sandbox/end-of-day?pay=true" >/dev/null
wait_for "paid refund $request_id" 90 refund_state_is paid
say "refund $request_id is paid"

for url in "$gateway/health/ready" "$processor/health/ready"; do
  status=$(curl -sS -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 200 ] || die "smoke: $url answered $status, not 200"
done
say "smoke test passed: all services healthy, one payment and one refund through the sandbox, /health/ready 200"
