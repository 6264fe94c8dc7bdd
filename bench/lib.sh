# Helpers the benchmark scripts share. Sourced after WORK (the run's scratch folder) is set.

log() { printf '[bench] %s\n' "$*" >&2; }

# Errors a service logged are worth seeing even when the figures look fine; the console
# logger writes each entry, stack trace included, on one line, so lines are cut short.
ERROR_LINES='^[0-9:]* ?(fail|crit): |^Unhandled exception'
report_log_errors() {
  local service="$1" file="$WORK/$1.log" count
  [ -s "$file" ] || return 0
  count="$(grep -cE "$ERROR_LINES" "$file" || true)"
  if [ "${count:-0}" -gt 0 ]; then
    log "the $service logged $count errors; the first:"
    grep -m 3 -E "$ERROR_LINES" "$file" | cut -c 1-400 >&2 || true
  fi
}

# When a service dies without logging an error, the end of its output says why.
report_log_tail() {
  local service="$1" file="$WORK/$1.log"
  [ -s "$file" ] || return 0
  if ! grep -qE "$ERROR_LINES" "$file"; then
    log "last lines of the $service's output:"
    tail -n 10 "$file" | cut -c 1-400 >&2
  fi
}

# At a run's end, for each service named: its errors, and when the run could not run (status 2) the end of its output.
report_logs() {
  local status="$1" service
  shift
  for service in "$@"; do
    report_log_errors "$service"
    if [ "$status" -eq 2 ]; then
      report_log_tail "$service"
    fi
  done
}

# TERM first so the services close their broker connections; KILL if they hang.
stop_process() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits until the gateway (GATEWAY_PID on PORT) listens: it answers 400 to a notification without fields.
wait_for_gateway() {
  local url="http://127.0.0.1:${PORT}/PhsNotifyService" code
  for _ in $(seq 1 120); do
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
      log "the gateway exited during start-up"
      exit 2
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)"
    if [ "$code" = "400" ]; then
      return 0
    fi
    sleep 0.5
  done
  log "the gateway did not answer on $url within 60 s (last status: ${code:-none})"
  exit 2
}
