# The story of ./run.sh demo, told against the running system. Sourced by run.sh (lib.sh loaded).
# Every event is printed by the service that sees it ([gateway], [processor], [order-service], [sandbox]);
# this script drives the sandbox as Payguru and waits for each step in the processor's database.

demo_api_key=demo-api-key   # Gateway:ApiKeys in services/Gateway/appsettings.Development.json
demo_token_key=e792f9c549e5fef1356fb563318853c0   # md5("123" + "127.0.0.1" + "mk-secret")
demo_tckn=10000000146   # a valid TCKN (docs/protocol.md §7); md5(it + "sk-secret") = 83fcc8be5da2c8bf544b52a5c9c0961b

# demo_wait DESCRIPTION SQL: polls the processor's database until SQL returns a row (30 s).
demo_wait() {
  local description=$1 sql=$2 value
  for _ in $(seq 1 120); do
    value=$(sqlite3 "$demo_db" "$sql" 2>/dev/null || true)
    if [ -n "$value" ]; then
      echo "$value"
      return 0
    fi
    sleep 0.25
  done
  die "demo: no $description within 30 s; the services' output above says why"
}

# demo_wait_for_consumer QUEUE: waits (60 s) until QUEUE has a consumer, so that the order service hears the
# payment: on a fresh virtual host its queues exist only once it has started. A remote broker: a short pause.
demo_wait_for_consumer() {
  local queue=$1
  if ! rabbitmq_is_local; then
    sleep 5
    return 0
  fi
  for _ in $(seq 1 240); do
    if rabbitmqctl -q list_queues -p "${RabbitMq__VirtualHost:-/}" name consumers 2>/dev/null \
      | awk -v q="$queue" '$1 == q && $2 > 0 { found = 1 } END { exit !found }'; then
      return 0
    fi
    sleep 0.25
  done
  die "demo: the order service did not start consuming $queue within 60 s; its output above says why"
}

step() { printf '\n\033[1;36m--- %s\033[0m\n' "$*" >&2; }

# run_demo GATEWAY_URL SANDBOX_URL DATABASE
run_demo() {
  local gateway=$1 sandbox=$2
  demo_db=$3
  local order="DEMO-$(date +%s)" token answer request_id refund_id

  demo_wait_for_consumer order-service-payment-accepted
  step "1. The shop registers the customer's identity for $order (RegisterOrderIdentity, sent by the order service)"
  dotnet samples/OrderService/bin/Release/net10.0/OrderService.dll identity --order "$order" --tckn "$demo_tckn" 2>&1 \
    | sed -u 's/^/[order-service] /' >&2 || die "demo: the identity was not registered"
  echo "the processor keeps only md5(TCKN + service key): $(sqlite3 "$demo_db" "SELECT service_code || ' ' || tckn_hash FROM order_identities WHERE order_ref = '$order';")" >&2

  step "2. Payguru takes a payment: the sandbox's test transaction for $order, 25.00, with the customer's TCKN"
  token=$(curl -s "$sandbox/phs/getToken?merchant=123&key=$demo_token_key" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  answer=$(curl -s -H "merchant: 123" -H "token: $token" \
    "$sandbox/phs/transaction/test?code=DEMO&ref=PG-$order&amount=25.00&order=$order&tckno=$demo_tckn")
  echo "the sandbox notified the gateway, which answered: $answer" >&2
  [ "$answer" = OK ] || die "demo: the gateway did not answer OK"

  step "3. Payguru checks the identity: the sandbox calls /TCKNVerifyService (verify), the gateway asks the processor, then Payguru says verified"
  answer=$(curl -s -X POST "$sandbox/_sandbox/identity/verify" -H 'Content-Type: application/json' -d "{\"order\": \"$order\"}")
  echo "the sandbox reports: $answer" >&2
  case "$answer" in *'"outcome":"verified"'*'"notificationAnswer":"OK"'*) ;; *) die "demo: the identity was not verified" ;; esac
  demo_wait "erased identity" "SELECT 'erased' WHERE NOT EXISTS (SELECT 1 FROM order_identities WHERE order_ref = '$order');" >/dev/null
  echo "IdentityVerified published; the processor erased what it kept of the identity" >&2

  step "4. PaymentAccepted reaches the processor and the order service, which asks for a 5.00 refund"
  demo_wait "recorded payment" "SELECT txid FROM payments WHERE order_ref = '$order';" >/dev/null
  request_id=$(demo_wait "refund request" "SELECT request_id FROM refunds WHERE order_ref = '$order';")
  echo "refund request $request_id recorded by the processor" >&2

  step "5. The processor makes the one refund/create at Payguru and publishes RefundSubmitted"
  refund_id=$(demo_wait "submitted refund" "SELECT refund_id FROM refunds WHERE order_ref = '$order' AND state = 'submitted';")
  echo "Payguru refund $refund_id" >&2

  step "6. End of day at Payguru: the sandbox pays the refund back and notifies the gateway (/PhsRefundNotifyService)"
  curl -s -X POST "$sandbox/_sandbox/end-of-day?pay=true" >/dev/null
  demo_wait "paid refund result" "SELECT status FROM refund_results WHERE refund_id = $refund_id AND status = 3;" >/dev/null

  step "7. RefundSettled is recorded; any service can ask where the refund stands over HTTP"
  echo "curl -H 'X-Api-Key: $demo_api_key' $gateway/refunds/$request_id" >&2
  curl -s -H "X-Api-Key: $demo_api_key" "$gateway/refunds/$request_id" >&2
  echo >&2
  step "Done: identity, payment, identity check, refund request, submission, payout and result, each printed above as it happened"
}
