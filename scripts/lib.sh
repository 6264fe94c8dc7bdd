#!/usr/bin/env bash
# Shared by run.sh, test.sh and the benchmarks: install what is missing, start RabbitMQ.
# Source it; it defines functions only.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

apt_updated=""

# apt_install COMMAND PACKAGE: installs PACKAGE from Debian's archive unless COMMAND exists.
apt_install() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || die "$package is not installed and installing it needs root: sudo apt-get install -y $package"
  if [ -z "$apt_updated" ]; then
    say "apt-get update (a fresh machine has no package lists)"
    apt-get update -qq || die "apt-get update failed: check the network or the Debian mirror"
    apt_updated=1
  fi
  say "installing $package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
    || die "apt-get install $package failed"
}

rabbitmq_is_local() {
  case "${RabbitMq__Host:-localhost}" in localhost|127.0.0.1|::1) return 0 ;; *) return 1 ;; esac
}

# ensure_rabbitmq: a local broker that is installed, running and ready (skipped for a remote RabbitMq__Host).
ensure_rabbitmq() {
  if ! rabbitmq_is_local; then
    say "RabbitMq__Host=${RabbitMq__Host}: using that broker as it is"
    return 0
  fi
  apt_install rabbitmqctl rabbitmq-server
  if rabbitmqctl -q await_startup --timeout 2 >/dev/null 2>&1; then
    return 0
  fi
  say "starting RabbitMQ"
  rabbitmq-server -detached >/dev/null 2>&1 || true
  # Right after -detached the node is not up yet and await_startup fails with "node not running".
  local i
  for i in $(seq 1 90); do
    if rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then
      say "RabbitMQ is ready (amqp://localhost:5672)"
      return 0
    fi
    sleep 1
  done
  die "RabbitMQ did not start within 90 s; see /var/log/rabbitmq/ and the README's troubleshooting section"
}

# ensure_docker_compose: Debian's docker-compose, which the tests use to validate docker-compose.yml
# (`docker-compose config` needs no Docker engine).
ensure_docker_compose() {
  apt_install docker-compose docker-compose
}

# ensure_rabbitmq_management: RabbitMQ's management API on a local broker (http://localhost:15672), which
# tools/Payguru.ErrorQueues lists the _error queues with. Enabling it needs no restart.
ensure_rabbitmq_management() {
  rabbitmq_is_local || return 0
  rabbitmq-plugins -q is_enabled rabbitmq_management >/dev/null 2>&1 && return 0
  say "enabling RabbitMQ's management plugin (http://localhost:15672)"
  rabbitmq-plugins -q enable rabbitmq_management >/dev/null \
    || die "could not enable the management plugin: run rabbitmq-plugins enable rabbitmq_management as root"
}
