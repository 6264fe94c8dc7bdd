#!/usr/bin/env bash
# Runs every test of the solution, RabbitMQ included (installed and started when missing).
# Ends with one line "N passed, N failed" summed over every test project; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

configuration=${CONFIGURATION:-Debug}
ensure_rabbitmq
ensure_docker_compose
# The error queue tool's tests list queues through the management API.
ensure_rabbitmq_management
if rabbitmq_is_local; then
  # Virtual hosts a killed test run left behind (the tests delete their own).
  rabbitmqctl -q list_vhosts 2>/dev/null | grep '^test-' | xargs -r -n1 rabbitmqctl -q delete_vhost >/dev/null 2>&1 || true
fi

say "building ($configuration)"
dotnet build Payguru.Bus.sln -c "$configuration" -nologo -v quiet

results=TestResults/$(date +%Y%m%d-%H%M%S)
mkdir -p "$results"
projects=$(find tests -name '*.Tests.csproj' | sort)
crashed=""
for project in $projects; do
  name=$(basename "$project" .csproj)
  say "testing $name"
  # A hang fails the project after 15 minutes instead of eating CI's time (the longest test, the short chaos run, takes 4–8 min).
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 15m || crashed="$crashed $name"
done

passed=0 failed=0 skipped=0
for project in $projects; do
  name=$(basename "$project" .csproj)
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name produced no results: counted as one failure" >&2
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  project_failed=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  # dotnet test failed although no test did (a crashed or aborted host): one failure.
  if [ "$project_failed" -eq 0 ] && [[ " $crashed " == *" $name "* ]]; then
    echo "$name: dotnet test failed outside the tests: counted as one failure" >&2
    project_failed=1
  fi
  passed=$((passed + $(count passed)))
  failed=$((failed + project_failed))
  # The trx counters leave skipped tests out of notExecuted: they are the ones counted but not executed.
  skipped=$((skipped + $(count total) - $(count executed)))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
