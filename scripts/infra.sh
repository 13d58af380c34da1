#!/usr/bin/env bash
# Local infrastructure for LMS Fleet without Docker: PostgreSQL 15, RabbitMQ
# (+ management plugin) and Redis as plain background processes bound to
# 127.0.0.1, with their data under $REPO/.infra/ (git-ignored); plus a capture
# mailbox (a real SMTP server, scripts/mail-capture.mjs, once node_modules exist)
# that stores every message in .infra/mail for scripts/mailbox and the tests,
# and an S3-compatible object store (s3rver from node_modules, data in
# .infra/s3) for the media service's STORAGE_PROVIDER=s3.
#
# Usage: scripts/infra.sh up|down|status|deps|env|ctl
#   deps    apt-get install what is missing (postgresql-15, rabbitmq-server,
#           redis-server; chromium and fonts-noto-core for the certificate
#           service's PDFs, poppler-utils for its tests; yamllint and
#           docker-compose for scripts/check-deploy.sh; plus curl/make if
#           absent); never leaves the Debian system services running
#   up      deps + start the servers (idempotent) and wait until they are ready
#   down    stop the servers this script started (by their recorded PIDs)
#   status  one line per server: running|stopped|external, port, pid
#           (exit 0 if every server is running or external, 3 otherwise)
#   env     print `export` lines: DATABASE_URL AMQP_URL RABBITMQ_MGMT_URL REDIS_URL
#           SMTP_URL MAIL_CAPTURE_DIR S3_ENDPOINT S3_ACCESS_KEY_ID
#           S3_SECRET_ACCESS_KEY S3_FORCE_PATH_STYLE
#   ctl ARGS  run rabbitmqctl ARGS against the shared node (as root; the
#           Debian wrapper /usr/sbin/rabbitmqctl does not work for it, see lib)
#
# If DATABASE_URL / AMQP_URL / REDIS_URL are already set to something other
# than the local defaults, that server is treated as external: not installed,
# started nor stopped, and `env` passes the given URL through. (For an external
# AMQP_URL, also set RABBITMQ_MGMT_URL; the same holds for S3_ENDPOINT, with its
# S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY / S3_FORCE_PATH_STYLE passed through.)
#
# Ports (override with INFRA_PG_PORT, INFRA_AMQP_PORT, INFRA_MGMT_PORT,
# INFRA_DIST_PORT, INFRA_REDIS_PORT, INFRA_SMTP_PORT, INFRA_S3_PORT): PostgreSQL 55432,
# AMQP 55672, RabbitMQ management 55673, Erlang distribution 55674, Redis 56379,
# SMTP 51025, S3 (s3rver) 54568.
# Erlang's epmd runs on 127.0.0.1:4369 and is left running.
#
# Must run as root: PostgreSQL runs as `postgres` and RabbitMQ as `rabbitmq`
# (via runuser); Redis runs as root. Progress messages go to stderr.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# INFRA_STATE_DIR: where PID files, Redis, the mailbox and s3rver live (a private second instance, e.g. chaos/run.ts,
# points it elsewhere together with other INFRA_* ports and INFRA_RABBITMQ_NODENAME).
INFRA=${INFRA_STATE_DIR:-$REPO/.infra}
# shellcheck source=lib/rabbitmq.sh
. "$REPO/scripts/lib/rabbitmq.sh"

PG_PORT=${INFRA_PG_PORT:-55432}
AMQP_PORT=${INFRA_AMQP_PORT:-55672}
MGMT_PORT=${INFRA_MGMT_PORT:-55673}
DIST_PORT=${INFRA_DIST_PORT:-55674}
REDIS_PORT=${INFRA_REDIS_PORT:-56379}
SMTP_PORT=${INFRA_SMTP_PORT:-51025}
S3_PORT=${INFRA_S3_PORT:-54568}
RMQ_NODENAME=${INFRA_RABBITMQ_NODENAME:-lms@localhost}

PG_TIMEOUT=30
RMQ_TIMEOUT=90
REDIS_TIMEOUT=10

PGBIN=/usr/lib/postgresql/15/bin

DEFAULT_DATABASE_URL="postgres://lms:lms@127.0.0.1:$PG_PORT/postgres"
DEFAULT_AMQP_URL="amqp://guest:guest@127.0.0.1:$AMQP_PORT"
DEFAULT_MGMT_URL="http://guest:guest@127.0.0.1:$MGMT_PORT"
DEFAULT_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
DEFAULT_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
DEFAULT_S3_ENDPOINT="http://127.0.0.1:$S3_PORT"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mask_url() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# host:port of a URL (scheme, credentials, path and query stripped).
url_hostport() { sed -E 's#^[a-zA-Z0-9+.-]+://##; s#^[^@/]*@##; s#[/?].*$##' <<<"$1"; }
# A URL that points at our own server (127.0.0.1/localhost on our port) is not
# external, e.g. after `eval "$(scripts/infra.sh env)"` or with another db name.
is_external() {
  local url=$1 port=$2 hp
  [ -n "$url" ] || return 1
  hp=$(url_hostport "$url")
  [ "$hp" != "127.0.0.1:$port" ] && [ "$hp" != "localhost:$port" ]
}
external_pg() { is_external "${DATABASE_URL:-}" "$PG_PORT"; }
external_rmq() { is_external "${AMQP_URL:-}" "$AMQP_PORT"; }
external_redis() { is_external "${REDIS_URL:-}" "$REDIS_PORT"; }
external_s3() { is_external "${S3_ENDPOINT:-}" "$S3_PORT"; }

tail_file() {
  if [ -s "$1" ]; then
    echo "----- last lines of $1 -----" >&2
    tail -n "${2:-40}" "$1" >&2
  fi
}

# ---------------------------------------------------------------------------
# Where the postgres/rabbitmq-owned data lives. Normally $REPO/.infra; if the
# repo path is not traversable by those users (e.g. a clone under /root), fall
# back to a per-repo directory under /var/tmp (override: INFRA_DATA_DIR).
# ---------------------------------------------------------------------------
data_root() {
  if [ -n "${INFRA_DATA_DIR:-}" ]; then
    echo "$INFRA_DATA_DIR"
  elif runuser -u postgres -- test -x "$INFRA" 2>/dev/null && runuser -u rabbitmq -- test -x "$INFRA" 2>/dev/null; then
    echo "$INFRA"
  else
    echo "/var/tmp/lms-fleet-infra-$(printf %s "$REPO" | cksum | cut -d' ' -f1)"
  fi
}

init_paths() {
  mkdir -p "$INFRA"
  chmod 755 "$INFRA"
  DATA_ROOT=$(data_root)
  mkdir -p "$DATA_ROOT"
  chmod 755 "$DATA_ROOT"
  if [ "$DATA_ROOT" != "$INFRA" ]; then
    echo "$DATA_ROOT" >"$INFRA/DATA_ROOT"
  else
    rm -f "$INFRA/DATA_ROOT"
  fi
  PG_DIR=$DATA_ROOT/pg
  PG_DATA=$PG_DIR/data
  PG_LOG=$PG_DIR/postgres.log
  REDIS_DIR=$INFRA/redis
  rmq_configure "$DATA_ROOT/rabbitmq" "$RMQ_NODENAME" "$AMQP_PORT" "$DIST_PORT" "$MGMT_PORT"
}

# ---------------------------------------------------------------------------
# deps
# ---------------------------------------------------------------------------
pkg_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

cmd_deps() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  local missing=()
  if ! external_pg; then
    { pkg_installed postgresql-15 && [ -x "$PGBIN/postgres" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_isready" ] && command -v psql >/dev/null; } ||
      missing+=(postgresql-15 postgresql-client-15)
  fi
  if ! external_rmq; then
    { pkg_installed rabbitmq-server && [ -x "$RMQ_SBIN/rabbitmq-server" ]; } || missing+=(rabbitmq-server)
  fi
  if ! external_redis; then
    { pkg_installed redis-server && command -v redis-server >/dev/null && command -v redis-cli >/dev/null; } ||
      missing+=(redis-server redis-tools)
  fi
  # the certificate service renders PDFs with Chromium (+ Noto fonts for Arabic and other scripts);
  # its tests read the PDFs back with poppler's pdftotext/pdftoppm
  { pkg_installed chromium && command -v chromium >/dev/null; } || missing+=(chromium)
  pkg_installed fonts-noto-core || missing+=(fonts-noto-core)
  { command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; } || missing+=(poppler-utils)
  # scripts/check-deploy.sh: yamllint for the manifests; Debian's docker-compose (v1) validates the compose file
  # without a Docker engine (--no-install-recommends below keeps docker.io and containerd out)
  command -v yamllint >/dev/null || missing+=(yamllint)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v curl >/dev/null || missing+=(curl)
  command -v make >/dev/null || missing+=(make)
  command -v runuser >/dev/null || missing+=(util-linux)
  command -v flock >/dev/null || missing+=(util-linux)

  if [ ${#missing[@]} -eq 0 ]; then
    log "deps: all present (postgresql-15, rabbitmq-server, redis-server, chromium, fonts-noto-core, poppler-utils, yamllint, docker-compose)"
    return 0
  fi
  log "deps: installing ${missing[*]}"
  # Keep apt from starting the packages' own services (Docker-style policy).
  local policy=/usr/sbin/policy-rc.d created_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# temporary, created by scripts/infra.sh deps\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
  fi
  # default ports already in use before the install are none of apt's business
  local busy_before=" " p
  for p in 5432 5672 6379; do port_open "$p" && busy_before+="$p "; done
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  } || rc=$?
  [ -z "$created_policy" ] || rm -f "$policy"
  [ "$rc" -eq 0 ] || die "apt-get failed (exit $rc)"

  # Defensive: if apt started a Debian system service anyway, stop it with the
  # package's own init script (only for packages installed just now).
  local pkg svc port
  for pkg in "${missing[@]}"; do
    case "$pkg" in
      postgresql-15) svc=postgresql port=5432 ;;
      rabbitmq-server) svc=rabbitmq-server port=5672 ;;
      redis-server) svc=redis-server port=6379 ;;
      *) continue ;;
    esac
    if [[ "$busy_before" != *" $port "* ]] && port_open "$port"; then
      log "deps: system service $svc was started by apt (port $port); stopping it"
      service "$svc" stop >/dev/null 2>&1 || invoke-rc.d "$svc" stop >/dev/null 2>&1 ||
        log "deps: WARNING: could not stop $svc; port $port stays in use (ours are different ports)"
    fi
  done
  log "deps: done"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
# PID of our postmaster (validated: a `postgres` process running on PG_DATA).
pg_pid() {
  local f pid
  for f in "$INFRA/postgres.pid" "$PG_DATA/postmaster.pid"; do
    [ -s "$f" ] || continue
    pid=$(head -n 1 "$f" | tr -dc 0-9)
    { [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ]; } || continue
    tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$PG_DATA" || continue
    echo "$pid"
    return 0
  done
  return 1
}

as_postgres() { (cd / && runuser -u postgres -- "$@"); }

pg_write_conf() {
  cat >"$PG_DATA/lms-fleet.conf" <<EOF
# generated by scripts/infra.sh (rewritten on every 'up')
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
  chown postgres:postgres "$PG_DATA/lms-fleet.conf"
}

pg_launch() {
  local pid
  if pid=$(pg_pid); then
    log "postgres: already running (pid $pid)"
    PG_LAUNCHED=
    return 0
  fi
  port_open "$PG_PORT" && die "postgres: port $PG_PORT is in use by another process"
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR"
  chmod 755 "$PG_DIR"
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    log "postgres: initdb $PG_DATA"
    local t_init
    t_init=$(now_ms)
    rm -rf "$PG_DATA"
    if ! as_postgres "$PGBIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 -N >"$PG_DIR/initdb.log" 2>&1; then
      tail_file "$PG_DIR/initdb.log"
      die "postgres: initdb failed"
    fi
    echo "include_if_exists = 'lms-fleet.conf'" >>"$PG_DATA/postgresql.conf"
    log "postgres: initdb done in $(($(now_ms) - t_init)) ms"
  fi
  pg_write_conf
  touch "$PG_LOG"
  chown postgres:postgres "$PG_LOG"
  log "postgres: starting on 127.0.0.1:$PG_PORT (data $PG_DATA)"
  PG_T0=$(now_ms)
  (exec 9>&- && as_postgres "$PGBIN/pg_ctl" start -W -s -D "$PG_DATA" -l "$PG_LOG") ||
    { tail_file "$PG_LOG"; die "postgres: pg_ctl start failed"; }
  PG_LAUNCHED=1
}

pg_wait_ready() {
  local deadline=$((SECONDS + PG_TIMEOUT))
  until "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail_file "$PG_LOG"
      die "postgres: not ready after ${PG_TIMEOUT}s"
    fi
    sleep 0.1
  done
  [ -z "${PG_LAUNCHED:-}" ] || log "postgres: ready in $(($(now_ms) - PG_T0)) ms"
  # role used by the services/tests (SUPERUSER: tests create a database per suite)
  "$PGBIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' ||
DO $$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lms') THEN CREATE ROLE lms; END IF;
END$$;
ALTER ROLE lms WITH LOGIN SUPERUSER PASSWORD 'lms';
SQL
    die "postgres: could not create role lms"
  pg_pid >"$INFRA/postgres.pid" || die "postgres: running but postmaster PID not found"
}

pg_stop() {
  local pid deadline
  if ! pid=$(pg_pid); then
    log "postgres: not running"
    rm -f "$INFRA/postgres.pid"
    return 0
  fi
  log "postgres: stopping (pid $pid)"
  as_postgres "$PGBIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 30 -s ||
    { log "postgres: pg_ctl stop failed; sending SIGTERM to $pid"; kill -TERM "$pid" 2>/dev/null || true; }
  deadline=$((SECONDS + 30))
  while [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "postgres: pid $pid still alive after 30s"
    sleep 0.1
  done
  rm -f "$INFRA/postgres.pid"
  log "postgres: stopped"
}

# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------
redis_pid() {
  local f pid
  for f in "$INFRA/redis.pid" "$REDIS_DIR/redis.pid"; do
    [ -s "$f" ] || continue
    pid=$(tr -dc 0-9 <"$f")
    { [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ]; } || continue
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- ":$REDIS_PORT\b" || continue
    echo "$pid"
    return 0
  done
  return 1
}

redis_start() {
  local pid t0 deadline
  if pid=$(redis_pid); then
    log "redis: already running (pid $pid)"
  else
    port_open "$REDIS_PORT" && die "redis: port $REDIS_PORT is in use by another process"
    mkdir -p "$REDIS_DIR"
    rm -f "$REDIS_DIR/redis.pid"
    log "redis: starting on 127.0.0.1:$REDIS_PORT"
    t0=$(now_ms)
    (exec 9>&- && redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
      --pidfile "$REDIS_DIR/redis.pid" --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" \
      --save '' --appendonly no) || { tail_file "$REDIS_DIR/redis.log"; die "redis: failed to start"; }
  fi
  deadline=$((SECONDS + REDIS_TIMEOUT))
  until [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail_file "$REDIS_DIR/redis.log"
      die "redis: not ready after ${REDIS_TIMEOUT}s"
    fi
    sleep 0.05
  done
  [ -z "${t0:-}" ] || log "redis: ready in $(($(now_ms) - t0)) ms"
  redis_pid >"$INFRA/redis.pid" || die "redis: running but PID not found"
}

redis_stop() {
  local pid deadline
  if ! pid=$(redis_pid); then
    log "redis: not running"
    rm -f "$INFRA/redis.pid"
    return 0
  fi
  log "redis: stopping (pid $pid)"
  kill -TERM "$pid"
  deadline=$((SECONDS + 10))
  while [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "redis: pid $pid still alive after 10s"
    sleep 0.05
  done
  rm -f "$INFRA/redis.pid" "$REDIS_DIR/redis.pid"
  log "redis: stopped"
}

# ---------------------------------------------------------------------------
# RabbitMQ (logic shared with scripts/rabbitmq-node.sh in scripts/lib/rabbitmq.sh)
# ---------------------------------------------------------------------------
rmq_shared_ready() {
  rmq_wait_ready "$RMQ_TIMEOUT" "$DEFAULT_MGMT_URL" || die "rabbitmq: not ready after ${RMQ_TIMEOUT}s"
  if [ -n "${RMQ_LAUNCHER_PID:-}" ]; then
    rmq_log "node $RMQ_NODE ready in $(( ($(date +%s%N) - RMQ_LAUNCH_T0) / 1000000 )) ms (management http://127.0.0.1:$MGMT_PORT)"
  fi
  rmq_pid >"$INFRA/rabbitmq.pid" || die "rabbitmq: running but PID not found"
}


# ---------------------------------------------------------------------------
# capture mailbox (smtp-server from node_modules; runs as the invoking user)
# ---------------------------------------------------------------------------
MAIL_DIR=$INFRA/mail
mail_pid() {
  local pid
  pid=$(cat "$INFRA/mail.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q mail-capture "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

mail_start() {
  local pid t0
  if pid=$(mail_pid); then
    log "mail: already running (pid $pid)"
    return 0
  fi
  if [ ! -d "$REPO/node_modules/smtp-server" ]; then
    log "mail: node_modules/smtp-server missing (npm ci first); capture mailbox not started"
    return 0
  fi
  port_open "$SMTP_PORT" && die "mail: port $SMTP_PORT is in use by another process"
  mkdir -p "$MAIL_DIR"
  find "$MAIL_DIR" -mindepth 1 -mmin +1440 -delete 2>/dev/null || true # a day of messages is plenty
  t0=$(now_ms)
  # setsid: its own session, so it outlives the shell that ran `up`; $! is node itself (setsid execs).
  (cd "$REPO" && exec setsid node scripts/mail-capture.mjs --port "$SMTP_PORT" --dir "$MAIL_DIR" \
    >>"$INFRA/mail.log" 2>&1 </dev/null 9>&-) &
  echo $! >"$INFRA/mail.pid"
  until port_open "$SMTP_PORT"; do
    mail_pid >/dev/null || { tail_file "$INFRA/mail.log"; die "mail: failed to start"; }
    [ $(($(now_ms) - t0)) -lt 10000 ] || die "mail: not listening after 10s"
    sleep 0.1
  done
  log "mail: capture mailbox on 127.0.0.1:$SMTP_PORT ($(($(now_ms) - t0)) ms), messages in $MAIL_DIR"
}

# Stops a helper started in the background (mail, s3): SIGTERM, SIGKILL after 10 s; forgets its pid file.
# $1: its name in logs (<name>_pid finds it, checking the command line); $2: its pid file $INFRA/<$2>.pid.
stop_pidfile_process() {
  local name=$1 pidfile=$INFRA/$2.pid pid
  if ! pid=$("${name}_pid"); then
    log "$name: not running"
    rm -f "$pidfile"
    return 0
  fi
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 10))
  while [ -d "/proc/$pid" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { kill -9 "$pid" 2>/dev/null || true; break; }
    sleep 0.1
  done
  rm -f "$pidfile"
  log "$name: stopped"
}

mail_stop() { stop_pidfile_process mail mail; }

# ---------------------------------------------------------------------------
# S3 (s3rver from node_modules; runs as the invoking user). It accepts only the
# built-in key S3RVER/S3RVER and does not verify signatures: development and
# tests only. Test suites create their own bucket (media-<label>-<random>).
# ---------------------------------------------------------------------------
S3_DIR=$INFRA/s3
S3_LOG=$INFRA/s3rver.log
s3_pid() {
  local pid
  pid=$(cat "$INFRA/s3rver.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "s3rver.js.* -p $S3_PORT " && echo "$pid"
}

s3_start() {
  local pid t0
  if pid=$(s3_pid); then
    log "s3: already running (pid $pid)"
    return 0
  fi
  if [ ! -f "$REPO/node_modules/s3rver/bin/s3rver.js" ]; then
    log "s3: node_modules/s3rver missing (npm ci first); s3rver not started"
    return 0
  fi
  port_open "$S3_PORT" && die "s3: port $S3_PORT is in use by another process"
  mkdir -p "$S3_DIR"
  # Test suites leave their buckets behind when they are killed: drop test buckets older than a day.
  find "$S3_DIR" -mindepth 1 -maxdepth 1 -type d -name 'media-*' -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
  t0=$(now_ms)
  # setsid: its own session, so it outlives the shell that ran `up`; $! is node itself (setsid execs).
  (cd "$REPO" && exec setsid node node_modules/s3rver/bin/s3rver.js -d "$S3_DIR" -p "$S3_PORT" -a 127.0.0.1 --silent \
    >>"$S3_LOG" 2>&1 </dev/null 9>&-) &
  echo $! >"$INFRA/s3rver.pid"
  # Ready = it answers S3 requests (ListBuckets), not just an open port.
  until curl -fsS -o /dev/null --max-time 1 "$DEFAULT_S3_ENDPOINT/" 2>/dev/null; do
    s3_pid >/dev/null || { tail_file "$S3_LOG"; die "s3: failed to start"; }
    [ $(($(now_ms) - t0)) -lt 15000 ] || { tail_file "$S3_LOG"; die "s3: not answering after 15s"; }
    sleep 0.1
  done
  log "s3: s3rver on $DEFAULT_S3_ENDPOINT ($(($(now_ms) - t0)) ms), data in $S3_DIR"
}

s3_stop() { stop_pidfile_process s3 s3rver; }

# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------
lock() {
  exec 9>"$INFRA/.lock"
  flock -w 600 9 || die "another infra.sh is still running (lock $INFRA/.lock)"
}

cmd_up() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  cmd_deps
  init_paths
  lock
  local t0 p
  t0=$(now_ms)
  # Pre-flight: fail before launching anything if a port we need is taken by
  # something that is not our server.
  if ! external_pg && ! pg_pid >/dev/null; then
    port_open "$PG_PORT" && die "postgres: port $PG_PORT is in use by another process"
  fi
  if ! external_redis && ! redis_pid >/dev/null; then
    port_open "$REDIS_PORT" && die "redis: port $REDIS_PORT is in use by another process"
  fi
  if ! external_rmq && ! rmq_pid >/dev/null; then
    for p in "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT"; do
      port_open "$p" && die "rabbitmq: port $p is in use by another process"
    done
  fi
  if ! external_s3 && ! s3_pid >/dev/null; then
    port_open "$S3_PORT" && die "s3: port $S3_PORT is in use by another process"
  fi
  # RabbitMQ boots slowest: launch it first, start the others meanwhile.
  if external_rmq; then log "rabbitmq: external ($(mask_url "$AMQP_URL")), not started"; else rmq_launch || die "rabbitmq: failed to launch"; fi
  if external_pg; then log "postgres: external ($(mask_url "$DATABASE_URL")), not started"; else pg_launch; fi
  if external_redis; then log "redis: external ($(mask_url "$REDIS_URL")), not started"; else redis_start; fi
  mail_start
  if external_s3; then log "s3: external ($S3_ENDPOINT), not started"; else s3_start; fi
  external_pg || pg_wait_ready
  external_rmq || rmq_shared_ready
  log "up: all servers ready ($(($(now_ms) - t0)) ms)"
  cmd_status >&2 || true
}

cmd_down() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  init_paths
  lock
  mail_stop
  if external_s3; then log "s3: external, left alone"; else s3_stop; fi
  if external_rmq; then log "rabbitmq: external, left alone"; else rmq_stop 60; rm -f "$INFRA/rabbitmq.pid"; fi
  if external_redis; then log "redis: external, left alone"; else redis_stop; fi
  if external_pg; then log "postgres: external, left alone"; else pg_stop; fi
}

cmd_status() {
  init_paths
  local rc=0 pid
  if external_pg; then
    printf '%-9s %-8s %s\n' postgres external "DATABASE_URL=$(mask_url "$DATABASE_URL")"
  elif pid=$(pg_pid); then
    printf '%-9s %-8s port=%s pid=%s data=%s\n' postgres running "$PG_PORT" "$pid" "$PG_DATA"
  else
    printf '%-9s %-8s port=%s\n' postgres stopped "$PG_PORT"
    rc=3
  fi
  if external_rmq; then
    printf '%-9s %-8s %s\n' rabbitmq external "AMQP_URL=$(mask_url "$AMQP_URL")"
  elif pid=$(rmq_pid); then
    local state=running
    port_open "$AMQP_PORT" || { state=starting; rc=3; }
    printf '%-9s %-8s port=%s mgmt=%s pid=%s node=%s data=%s\n' rabbitmq "$state" "$AMQP_PORT" "$MGMT_PORT" "$pid" "$RMQ_NODE" "$RMQ_DIR"
  else
    printf '%-9s %-8s port=%s mgmt=%s\n' rabbitmq stopped "$AMQP_PORT" "$MGMT_PORT"
    rc=3
  fi
  if external_redis; then
    printf '%-9s %-8s %s\n' redis external "REDIS_URL=$(mask_url "$REDIS_URL")"
  elif pid=$(redis_pid); then
    printf '%-9s %-8s port=%s pid=%s\n' redis running "$REDIS_PORT" "$pid"
  else
    printf '%-9s %-8s port=%s\n' redis stopped "$REDIS_PORT"
    rc=3
  fi
  # The mailbox is optional (no node_modules yet): reported, never a failure of `status`.
  if pid=$(mail_pid); then
    printf '%-9s %-8s port=%s pid=%s dir=%s\n' mail running "$SMTP_PORT" "$pid" "$MAIL_DIR"
  else
    printf '%-9s %-8s port=%s\n' mail stopped "$SMTP_PORT"
  fi
  # Like the mailbox, s3rver comes from node_modules: a failure of `status` only once it is installed.
  if external_s3; then
    printf '%-9s %-8s %s\n' s3 external "S3_ENDPOINT=$S3_ENDPOINT"
  elif pid=$(s3_pid); then
    printf '%-9s %-8s port=%s pid=%s dir=%s\n' s3 running "$S3_PORT" "$pid" "$S3_DIR"
  else
    printf '%-9s %-8s port=%s\n' s3 stopped "$S3_PORT"
    [ ! -f "$REPO/node_modules/s3rver/bin/s3rver.js" ] || rc=3
  fi
  return "$rc"
}

cmd_env() {
  local db=$DEFAULT_DATABASE_URL amqp=$DEFAULT_AMQP_URL mgmt=${RABBITMQ_MGMT_URL:-$DEFAULT_MGMT_URL} redis=$DEFAULT_REDIS_URL
  external_pg && db=$DATABASE_URL
  external_redis && redis=$REDIS_URL
  if external_rmq; then
    amqp=$AMQP_URL
    if [ -z "${RABBITMQ_MGMT_URL:-}" ]; then
      # guess: same credentials/host, default management port 15672
      mgmt=$(sed -E 's#^amqps?://([^/]*@)?([^:/]+).*#http://\1\2:15672#' <<<"$AMQP_URL")
      log "env: AMQP_URL is external but RABBITMQ_MGMT_URL is not set; guessing $(mask_url "$mgmt")"
    fi
  fi
  printf 'export DATABASE_URL=%q\n' "$db"
  printf 'export AMQP_URL=%q\n' "$amqp"
  printf 'export RABBITMQ_MGMT_URL=%q\n' "$mgmt"
  printf 'export REDIS_URL=%q\n' "$redis"
  printf 'export SMTP_URL=%q\n' "${SMTP_URL:-$DEFAULT_SMTP_URL}"
  printf 'export MAIL_CAPTURE_DIR=%q\n' "${MAIL_CAPTURE_DIR:-$MAIL_DIR}"
  if external_s3; then
    printf 'export S3_ENDPOINT=%q\n' "$S3_ENDPOINT"
    [ -z "${S3_ACCESS_KEY_ID:-}" ] || printf 'export S3_ACCESS_KEY_ID=%q\n' "$S3_ACCESS_KEY_ID"
    [ -z "${S3_SECRET_ACCESS_KEY:-}" ] || printf 'export S3_SECRET_ACCESS_KEY=%q\n' "$S3_SECRET_ACCESS_KEY"
    [ -z "${S3_FORCE_PATH_STYLE:-}" ] || printf 'export S3_FORCE_PATH_STYLE=%q\n' "$S3_FORCE_PATH_STYLE"
  else
    # s3rver's only key pair; path style because there is no wildcard DNS for <bucket>.127.0.0.1
    printf 'export S3_ENDPOINT=%q\n' "$DEFAULT_S3_ENDPOINT"
    printf 'export S3_ACCESS_KEY_ID=S3RVER\n'
    printf 'export S3_SECRET_ACCESS_KEY=S3RVER\n'
    printf 'export S3_FORCE_PATH_STYLE=true\n'
  fi
}

usage() {
  sed -n '10,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  deps) cmd_deps ;;
  env) cmd_env ;;
  ctl)
    shift
    init_paths
    rmq_ctl "$@"
    ;;
  *) usage ;;
esac
