#!/usr/bin/env bash
# Private RabbitMQ node for tests that need to restart a broker without
# disturbing the shared one started by scripts/infra.sh.
#
# Usage: scripts/rabbitmq-node.sh start|stop|stop_app|start_app|wait|status NAME AMQP_PORT DIST_PORT DATA_DIR
#   start      start the node (idempotent) and wait until it accepts AMQP connections
#   stop       stop the node entirely (rabbitmqctl shutdown, waits for the OS process)
#   stop_app   rabbitmqctl stop_app  (broker down, Erlang node up; durable data kept)
#   start_app  rabbitmqctl start_app and wait until AMQP is accepted again
#   wait       wait until the node is up and the AMQP port accepts connections
#   status     print running/stopped (exit 0 if the broker app is running, 3 otherwise)
#
# NAME becomes the node name NAME@localhost (unless it already contains '@').
# DATA_DIR must be reachable by the `rabbitmq` user (e.g. under the repo's .infra/).
# No management plugin. Messages go to stderr. Timeout: RMQ_WAIT_TIMEOUT (default 90 s).
# Must be run as root (the server itself runs as `rabbitmq`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/rabbitmq.sh
. "$here/lib/rabbitmq.sh"

usage() {
  echo "usage: $0 start|stop|stop_app|start_app|wait|status NAME AMQP_PORT DIST_PORT DATA_DIR" >&2
  exit 2
}

[ $# -eq 5 ] || usage
cmd=$1 name=$2 amqp_port=$3 dist_port=$4 data_dir=$5
case "$amqp_port$dist_port" in *[!0-9]*) usage ;; esac
[ "$(id -u)" -eq 0 ] || { echo "$0 must run as root" >&2; exit 1; }

timeout=${RMQ_WAIT_TIMEOUT:-90}
rmq_configure "$data_dir" "$name" "$amqp_port" "$dist_port"

# Serialise commands on the same node directory.
mkdir -p "$RMQ_DIR"
exec 9>"$RMQ_DIR/.lock"
flock -w 300 9 || { rmq_log "could not lock $RMQ_DIR/.lock"; exit 1; }

require_running() {
  if ! rmq_pid >/dev/null; then
    rmq_log "ERROR: node $RMQ_NODE is not running (start it first)"
    exit 1
  fi
}

case "$cmd" in
  start)
    rmq_start "$timeout"
    ;;
  stop)
    rmq_stop "$timeout"
    ;;
  stop_app)
    require_running
    t0=$(date +%s%N)
    rmq_ctl stop_app >/dev/null
    rmq_log "stop_app on $RMQ_NODE done in $((($(date +%s%N) - t0) / 1000000)) ms"
    ;;
  start_app)
    require_running
    t0=$(date +%s%N)
    rmq_ctl start_app >/dev/null # synchronous: returns once the app has booted
    rmq_wait_port "$timeout"
    rmq_log "start_app on $RMQ_NODE done in $((($(date +%s%N) - t0) / 1000000)) ms"
    ;;
  wait)
    rmq_wait_ready "$timeout"
    ;;
  status)
    if pid=$(rmq_pid) && rmq_port_open "$RMQ_AMQP_PORT"; then
      echo "$RMQ_NODE running amqp=127.0.0.1:$RMQ_AMQP_PORT pid=$pid"
    elif pid=$(rmq_pid); then
      echo "$RMQ_NODE app-stopped amqp=127.0.0.1:$RMQ_AMQP_PORT pid=$pid"
      exit 3
    else
      echo "$RMQ_NODE stopped"
      exit 3
    fi
    ;;
  *)
    usage
    ;;
esac
