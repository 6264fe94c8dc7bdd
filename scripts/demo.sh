# The story of ./run.sh demo, told against the running system. Sourced by run.sh (lib.sh loaded).
# Every event is printed by the service that sees it ([gateway], [processor], [order-service], [sandbox]);
# this script drives the sandbox as Payguru and waits for each step in the processor's database.

demo_api_key=demo-api-key   # Gateway:ApiKeys in services/Gateway/appsettings.Development.json
demo_token_key=e792f9c549e5fef1356fb563318853c0   # md5("123" + "127.0.0.1" + "mk-secret")

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

step() { printf '\n\033[1;36m--- %s\033[0m\n' "$*" >&2; }

# run_demo GATEWAY_URL SANDBOX_URL DATABASE
run_demo() {
  local gateway=$1 sandbox=$2
  demo_db=$3
  local order="DEMO-$(date +%s)" token answer request_id refund_id

  sleep 2 # the order service binds its queues
  step "1. Payguru takes a payment: the sandbox's test transaction for $order, 25.00"
  token=$(curl -s "$sandbox/phs/getToken?merchant=123&key=$demo_token_key" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  answer=$(curl -s -H "merchant: 123" -H "token: $token" \
    "$sandbox/phs/transaction/test?code=DEMO&ref=PG-$order&amount=25.00&order=$order")
  echo "the sandbox notified the gateway, which answered: $answer" >&2
  [ "$answer" = OK ] || die "demo: the gateway did not answer OK"

  step "2. PaymentAccepted reaches the processor and the order service, which asks for a 5.00 refund"
  demo_wait "recorded payment" "SELECT txid FROM payments WHERE order_ref = '$order';" >/dev/null
  request_id=$(demo_wait "refund request" "SELECT request_id FROM refunds WHERE order_ref = '$order';")
  echo "refund request $request_id recorded by the processor" >&2

  step "3. The processor makes the one refund/create at Payguru and publishes RefundSubmitted"
  refund_id=$(demo_wait "submitted refund" "SELECT refund_id FROM refunds WHERE order_ref = '$order' AND state = 'submitted';")
  echo "Payguru refund $refund_id" >&2

  step "4. End of day at Payguru: the sandbox pays the refund back and notifies the gateway (/PhsRefundNotifyService)"
  curl -s -X POST "$sandbox/_sandbox/end-of-day?pay=true" >/dev/null
  demo_wait "paid refund result" "SELECT status FROM refund_results WHERE refund_id = $refund_id AND status = 3;" >/dev/null

  step "5. RefundSettled is recorded; any service can ask where the refund stands over HTTP"
  echo "curl -H 'X-Api-Key: $demo_api_key' $gateway/refunds/$request_id" >&2
  curl -s -H "X-Api-Key: $demo_api_key" "$gateway/refunds/$request_id" >&2
  echo >&2
  step "Done: payment, refund request, submission, payout and result, each printed above as it happened"
}
