#!/usr/bin/env bash
# RabbitMQ nodes of their own on this machine, for the TLS and cluster tests and bench/chaos.sh, next to any
# broker already running (never touching it): own node names, ports, directories, HOME and Erlang cookie.
#
#   scripts/rabbitmq-cluster.sh start DIR [NODES]   start NODES nodes (default 3) and cluster them; writes DIR/cluster.env
#   scripts/rabbitmq-cluster.sh stop DIR            stop every node of DIR (by pid) and delete nothing
#   scripts/rabbitmq-cluster.sh kill DIR N          kill -9 node N (1-based), as a crash would
#   scripts/rabbitmq-cluster.sh restart DIR N       start node N again after a kill; it rejoins its cluster
#   scripts/rabbitmq-cluster.sh ctl DIR N ARGS...   rabbitmqctl ARGS against node N
#   scripts/rabbitmq-cluster.sh leader DIR VHOST QUEUE   the number of the node leading quorum queue QUEUE
#
# DIR/cluster.env (sourceable): CLUSTER_NODES, CLUSTER_AMQP_PORTS, CLUSTER_TLS_PORTS (space-separated, node order).
# Environment: CLUSTER_TLS_DIR holding ca.pem, server.pem and server.key adds a TLS listener to every node
# (a client certificate is asked for and checked against ca.pem when one is sent; CLUSTER_TLS_REQUIRE_CLIENT_CERT=1
# refuses a client without one).
#
# Facts measured with Debian's RabbitMQ 3.10.8: the /usr/sbin wrappers su to the rabbitmq user and read its
# cookie, so the scripts under /usr/lib/rabbitmq/bin are called directly; node names are always given in full
# (-n cN@localhost: a bare name resolves to the host name and fails the handshake); a node joins with
# stop_app, join_cluster, start_app; three nodes form in about 26 s.
set -euo pipefail

bin=/usr/lib/rabbitmq/bin

usage() { sed -n '4,9p' "$0" >&2; exit 2; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  exit 1
}

# node_env DIR N: the variables one node and its CLI run with.
node_env() {
  local dir=$1 n=$2 node_dir="$1/node$2"
  echo HOME="$dir/home"
  echo RABBITMQ_NODENAME="$(node_name "$dir" "$n")"
  echo RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  echo RABBITMQ_NODE_PORT="$(cat "$node_dir/amqp_port")"
  echo RABBITMQ_DIST_PORT="$(cat "$node_dir/dist_port")"
  echo RABBITMQ_MNESIA_BASE="$node_dir/mnesia"
  echo RABBITMQ_LOG_BASE="$node_dir/log"
  echo RABBITMQ_CONFIG_FILE="$node_dir/rabbitmq.conf"
  echo RABBITMQ_ENABLED_PLUGINS_FILE="$node_dir/enabled_plugins"
  echo RABBITMQ_CONF_ENV_FILE="$node_dir/rabbitmq-env.conf"
  echo RABBITMQ_PID_FILE="$node_dir/pid"
}

node_name() { echo "$(cat "$1/name")$2@localhost"; }

ctl() {
  local dir=$1 n=$2
  shift 2
  env $(node_env "$dir" "$n") "$bin/rabbitmqctl" -n "$(node_name "$dir" "$n")" "$@"
}

launch() {
  local dir=$1 n=$2
  env $(node_env "$dir" "$n") setsid "$bin/rabbitmq-server" >>"$dir/node$n/server.out" 2>&1 </dev/null &
  # The pid file appears once the Erlang VM runs; `rabbitmqctl wait` then waits for the app.
  for _ in $(seq 1 300); do
    [ -s "$dir/node$n/pid" ] && break
    sleep 0.1
  done
  [ -s "$dir/node$n/pid" ] || { echo "node $n wrote no pid file; see $dir/node$n/server.out" >&2; exit 1; }
  ctl "$dir" "$n" -q wait --timeout 120 "$dir/node$n/pid" >/dev/null \
    || { echo "node $n did not start; see $dir/node$n/log" >&2; exit 1; }
}

configure_node() {
  local dir=$1 n=$2 node_dir="$1/node$2"
  mkdir -p "$node_dir/mnesia" "$node_dir/log"
  free_port >"$node_dir/amqp_port"
  free_port >"$node_dir/dist_port"
  echo "[]." >"$node_dir/enabled_plugins"
  : >"$node_dir/rabbitmq-env.conf"
  {
    echo "listeners.tcp.default = $(cat "$node_dir/amqp_port")"
    echo "loopback_users = none"
    echo "log.file.level = info"
    # A test machine's disk is often fuller than the 50 MB default allows for long.
    echo "disk_free_limit.absolute = 10MB"
    if [ -n "${CLUSTER_TLS_DIR:-}" ]; then
      free_port >"$node_dir/tls_port"
      echo "listeners.ssl.default = $(cat "$node_dir/tls_port")"
      echo "ssl_options.cacertfile = $CLUSTER_TLS_DIR/ca.pem"
      echo "ssl_options.certfile = $CLUSTER_TLS_DIR/server.pem"
      echo "ssl_options.keyfile = $CLUSTER_TLS_DIR/server.key"
      echo "ssl_options.verify = verify_peer"
      if [ "${CLUSTER_TLS_REQUIRE_CLIENT_CERT:-0}" = 1 ]; then
        echo "ssl_options.fail_if_no_peer_cert = true"
      else
        echo "ssl_options.fail_if_no_peer_cert = false"
      fi
    fi
  } >"$node_dir/rabbitmq.conf"
}

start() {
  local dir=$1 nodes=${2:-3}
  mkdir -p "$dir/home"
  dir=$(cd "$dir" && pwd)
  # Node names unique to DIR, so two clusters (a test and a bench) never meet on epmd.
  echo "c$(echo "$dir" | md5sum | cut -c1-6)n" >"$dir/name"
  head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$dir/home/.erlang.cookie"
  chmod 0400 "$dir/home/.erlang.cookie"
  local n
  for n in $(seq 1 "$nodes"); do
    configure_node "$dir" "$n"
  done
  local launches=()
  for n in $(seq 1 "$nodes"); do
    launch "$dir" "$n" &
    launches+=($!)
  done
  for n in "${launches[@]}"; do
    wait "$n" || exit 1
  done
  for n in $(seq 2 "$nodes"); do
    ctl "$dir" "$n" -q stop_app >/dev/null
    ctl "$dir" "$n" -q join_cluster "$(node_name "$dir" 1)" >/dev/null
    ctl "$dir" "$n" -q start_app >/dev/null
  done
  local names="" amqp="" tls=""
  for n in $(seq 1 "$nodes"); do
    names="$names $(node_name "$dir" "$n")"
    amqp="$amqp $(cat "$dir/node$n/amqp_port")"
    [ -f "$dir/node$n/tls_port" ] && tls="$tls $(cat "$dir/node$n/tls_port")"
  done
  {
    echo "CLUSTER_NODES=\"${names# }\""
    echo "CLUSTER_AMQP_PORTS=\"${amqp# }\""
    echo "CLUSTER_TLS_PORTS=\"${tls# }\""
  } >"$dir/cluster.env"
  cat "$dir/cluster.env"
}

pid_of() { cat "$1/node$2/pid" 2>/dev/null || true; }

stop() {
  local dir=$1 n pid
  for n in $(ls -d "$dir"/node* 2>/dev/null | sed 's/.*node//' | sort -rn); do
    pid=$(pid_of "$dir" "$n")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    ctl "$dir" "$n" -q stop --timeout 30 >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
}

crash() {
  local dir=$1 n=$2 pid
  pid=$(pid_of "$dir" "$n")
  [ -n "$pid" ] || { echo "node $n has no pid" >&2; exit 1; }
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  rm -f "$dir/node$n/pid"
}

leader() {
  local dir=$1 vhost=$2 queue=$3 n count
  count=$(ls -d "$dir"/node* | wc -l)
  for n in $(seq 1 "$count"); do
    [ -n "$(pid_of "$dir" "$n")" ] || continue
    local line
    line=$(ctl "$dir" "$n" -q list_queues -p "$vhost" name leader --no-table-headers 2>/dev/null | awk -v q="$queue" '$1 == q { print $2 }') || continue
    [ -n "$line" ] || continue
    local m
    for m in $(seq 1 "$count"); do
      [ "$line" = "$(node_name "$dir" "$m")" ] && { echo "$m"; return 0; }
    done
  done
  echo "no leader found for $queue" >&2
  exit 1
}

[ $# -ge 2 ] || usage
command=$1 dir=$2
shift 2
case "$command" in
  start) start "$dir" "${1:-3}" ;;
  stop) stop "$dir" ;;
  kill) crash "$dir" "$1" ;;
  restart) launch "$dir" "$1" ;;
  ctl) n=$1; shift; ctl "$dir" "$n" "$@" ;;
  leader) leader "$dir" "$1" "$2" ;;
  *) usage ;;
esac
