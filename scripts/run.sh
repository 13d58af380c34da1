#!/usr/bin/env bash
# Starts the fleet locally (after `make run` has installed, started the infrastructure and built),
# creates the bootstrap admin and demo users, prints the URLs and credentials.
#   scripts/run.sh         start (idempotent: already-running processes are kept)
#   STORAGE_PROVIDER=s3 scripts/run.sh   media and certificate keep their files in the local s3rver of
#                          scripts/infra.sh (buckets lms-media-dev and lms-certificates-dev, created when missing)
#                          instead of .run/media and .run/certificates (`make run S3=1` does the same)
#   TRACES=1 scripts/run.sh   every process exports its OpenTelemetry spans to a local OTLP/HTTP receiver
#                          (127.0.0.1:$TRACES_PORT, default 4318) writing .run/traces/spans.jsonl; `scripts/trace --last`
#                          shows one request as a waterfall (`make run TRACES=1` does the same; docs/observability.md)
#   scripts/run.sh stop    stop the processes this script started (by PID)
#   scripts/run.sh status  show them with their memory (RSS)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
RUN_DIR="$REPO/.run"
mkdir -p "$RUN_DIR"

# Every service, in start order: name, entry point, gRPC port (the gateway last, on HTTP). Every address is
# exported as <NAME>_GRPC_ADDR before the first one starts (catalog and media call each other, so one of them
# starts before the other is up; their clients connect lazily); each waits until the one before it is ready.
# Its database is lms_<name>.
SERVICES=("auth services/auth/dist/src/main.js 50051" "catalog services/catalog/dist/src/main.js 50052" "enrollment services/enrollment/dist/src/main.js 50053"
  "quiz services/quiz/dist/src/main.js 50054" "analytics services/analytics/dist/src/main.js 50055" "media services/media/dist/src/main.js 50056"
  "certificate services/certificate/dist/src/main.js 50057")
GATEWAY_PORT=${GATEWAY_PORT:-8080}
TRACES=${TRACES:-} TRACES_PORT=${TRACES_PORT:-4318}
TRACES_FILE="$RUN_DIR/traces/spans.jsonl"

log() { printf '[run] %s\n' "$*" >&2; }

is_running() { [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

stop_all() {
  local names=(gateway)
  for ((i=${#SERVICES[@]}-1; i>=0; i--)); do names+=("${SERVICES[$i]%% *}"); done
  # Last: the others export their final spans while they shut down.
  names+=(traces)
  for name in "${names[@]}"; do
    if is_running "$name"; then
      local pid; pid=$(cat "$RUN_DIR/$name.pid")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
      log "stopped $name (pid $pid)"
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

status_all() {
  local extra=()
  if is_running traces; then extra+=(traces); fi # only listed with TRACES=1: the default output is unchanged
  for entry in "${SERVICES[@]}" "gateway" ${extra[@]+"${extra[@]}"}; do
    local name=${entry%% *}
    if is_running "$name"; then
      local pid; pid=$(cat "$RUN_DIR/$name.pid")
      printf '%-12s running  pid %-7s rss %s KiB\n' "$name" "$pid" "$(ps -o rss= -p "$pid" | tr -d ' ')"
    else
      printf '%-12s stopped\n' "$name"
    fi
  done
}

case "${1:-start}" in
  stop) stop_all; exit 0 ;;
  status) status_all; exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac

eval "$(bash scripts/infra.sh env)"
PG_BASE=${DATABASE_URL%/*}
export NODE_ENV=${NODE_ENV:-development} LOG_LEVEL=${LOG_LEVEL:-info}
# V8's young generation: Node 20 lets each of its two semi-spaces grow to 16 MiB under the allocations of start-up
# (migrations, protos) and keeps them while the process idles — 32 MiB of a service's ~110 MiB RSS. Capped at 4 MiB:
# −24 MiB of idle RSS per process, and the same CPU per request as the default (1–2 MiB cost 5–10 % more: 4–8× the
# scavenges); figures in bench/README.md (idle-memory). The same flag is in the Dockerfile, compose, k8s and Helm.
# V8's old generation: with no memory limit to read, Node sizes the heap from the machine's RAM (4 GiB on a
# developer machine), and with a limit of 2 GiB or more V8 lets the old generation grow to 4× what survived the last
# full GC before collecting it again (1.3–2× below 2 GiB): start-up's garbage then stays in pages the idle process
# keeps. 1 GiB — far above what any service holds — keeps a service's old space at 18–21 MiB instead of 18–25 (up to
# −5 MiB of idle RSS per process, no measurable CPU per request; bench/README.md, idle-memory). Only here, not in the
# image, k8s or Helm: under a container's memory limit Node already derives a heap below 2 GiB from the cgroup, and a
# fixed 1 GiB there would let a pod outgrow its limit before V8 collects.
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--max-semi-space-size=4 --max-old-space-size=1024"
# glibc keeps a malloc arena per allocating thread (up to 8 × cores), each holding freed memory in RSS; V8's heap is
# not malloc'd, so 2 arenas cost nothing measurable and save 3–4 MiB of idle RSS per process (bench/README.md).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# Local-only secrets, generated once per checkout and never committed.
SECRETS="$RUN_DIR/secrets.env"
if [ ! -f "$SECRETS" ]; then
  umask 077
  {
    echo "SIGNING_KEY_ENCRYPTION_SECRET=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
    echo "ADMIN_PASSWORD=Adm1n!$(node -e "console.log(require('crypto').randomBytes(9).toString('base64url'))")"
    echo "DEMO_PASSWORD=Demo!2026$(node -e "console.log(require('crypto').randomBytes(4).toString('hex'))")"
  } > "$SECRETS"
fi
# Signs the internal gRPC calls between the processes (kit service tokens); appended to older secrets files.
if ! grep -q '^INTERNAL_SERVICE_SECRET=' "$SECRETS"; then
  (umask 077; echo "INTERNAL_SERVICE_SECRET=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")" >> "$SECRETS")
fi
# Keys media's local direct-upload URLs (HMAC); appended to older secrets files.
if ! grep -q '^MEDIA_URL_SIGNING_SECRET=' "$SECRETS"; then
  (umask 077; echo "MEDIA_URL_SIGNING_SECRET=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")" >> "$SECRETS")
fi
set -a; . "$SECRETS"; set +a

# media's and certificate's storage: directories under .run (git-ignored), or with STORAGE_PROVIDER=s3 the s3rver
# of infra.sh (S3_ENDPOINT and its key come from `infra.sh env`), one bucket each: S3_BUCKET is media's, certificate
# gets CERTIFICATE_S3_BUCKET as its S3_BUCKET (service_env below).
export STORAGE_PROVIDER=${STORAGE_PROVIDER:-local} UPLOAD_DIR=${UPLOAD_DIR:-$RUN_DIR/media} PUBLIC_API_URL=${PUBLIC_API_URL:-http://localhost:$GATEWAY_PORT}
export CERTIFICATE_DIR=${CERTIFICATE_DIR:-$RUN_DIR/certificates}
CERTIFICATE_S3_BUCKET=${CERTIFICATE_S3_BUCKET:-lms-certificates-dev}
if [ "$STORAGE_PROVIDER" = s3 ]; then
  [ -n "${S3_ENDPOINT:-}" ] || { log "STORAGE_PROVIDER=s3 needs S3_ENDPOINT (scripts/infra.sh env exports the local s3rver's)"; exit 1; }
  export S3_BUCKET=${S3_BUCKET:-lms-media-dev} S3_CREATE_BUCKET=${S3_CREATE_BUCKET:-true}
fi
# Settings of one process only (`env` arguments). certificate: its own bucket; its credential signing key is
# generated once and kept in lms_certificate (development), so none is configured here.
service_env() {
  case "$1" in
    certificate) [ "$STORAGE_PROVIDER" = s3 ] && echo "S3_BUCKET=$CERTIFICATE_S3_BUCKET" ;;
  esac
  return 0
}
storage_of() { # name dir bucket
  if [ "$STORAGE_PROVIDER" = s3 ]; then echo "s3rver bucket $3"; else echo "${2#"$REPO"/}"; fi
}

wait_grpc() { # name address
  for _ in $(seq 1 150); do
    if node -e "require('@lms/kit/grpc').checkHealth('$2',500).then(s=>process.exit(s==='SERVING'?0:1),()=>process.exit(1))" 2>/dev/null; then return 0; fi
    is_running "$1" || { log "$1 exited; last log lines:"; tail -20 "$RUN_DIR/$1.log" >&2; return 1; }
    sleep 0.2
  done
  log "$1 did not become ready; see $RUN_DIR/$1.log"; return 1
}

# analytics learns from events only: when its database does not exist yet (first start, or after it was
# dropped) while the other services may already hold data from earlier runs, it is rebuilt from their event
# logs once everything is up (the same as `make analytics-rebuild`).
analytics_db_exists() {
  node -e "
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query(\"SELECT 1 FROM pg_database WHERE datname = 'lms_analytics'\"))
      .then((r) => { process.exitCode = r.rowCount ? 0 : 1; }, () => { process.exitCode = 2; }).finally(() => c.end());
  " "$PG_BASE/postgres"
}
analytics_rebuild=false
if ! is_running analytics && ! analytics_db_exists; then analytics_rebuild=true; fi

for entry in "${SERVICES[@]}"; do
  read -r name _ port <<<"$entry"
  export "$(echo "$name" | tr '[:lower:]' '[:upper:]')_GRPC_ADDR=127.0.0.1:$port"
done

# TRACES=1: the local receiver first, then every process is started with the kit's preload (a no-op without an
# endpoint) and the endpoint and its service name in its own environment only — the one-off commands below
# (health checks, bootstrap, rebuild) are not traced. Processes already running keep how they were started.
trace_args=()
if [ -n "$TRACES" ] && [ "$TRACES" != 0 ]; then
  node -e "require.resolve('@lms/kit/telemetry/register')" 2>/dev/null \
    || { log "TRACES=1 needs the kit's telemetry preload (@lms/kit/telemetry/register): build with npx tsc -b libs/kit"; exit 1; }
  if ! is_running traces; then
    for entry in "${SERVICES[@]}" gateway; do
      if is_running "${entry%% *}"; then log "${entry%% *} is already running without the receiver: its spans are not collected (make stop first)"; fi
    done
    mkdir -p "$RUN_DIR/traces"
    TRACES_PORT="$TRACES_PORT" TRACES_FILE="$TRACES_FILE" nohup node libs/kit/dist/telemetry/local/serve.js >>"$RUN_DIR/traces.log" 2>&1 &
    echo $! > "$RUN_DIR/traces.pid"
    # Up when it answers at all (405 to a GET on /v1/traces).
    for _ in $(seq 1 50); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$TRACES_PORT/v1/traces")" = 405 ] && break
      is_running traces || { log "trace receiver exited (port $TRACES_PORT taken? set TRACES_PORT):"; tail -5 "$RUN_DIR/traces.log" >&2; exit 1; }
      sleep 0.1
    done
    log "trace receiver on 127.0.0.1:$TRACES_PORT writing .run/traces/spans.jsonl (log: .run/traces.log)"
  fi
  trace_args=(--require @lms/kit/telemetry/register)
fi
# `env` arguments of a process: with TRACES=1 its OTLP endpoint and service name (OTEL_SERVICE_NAME).
trace_env() {
  if [ ${#trace_args[@]} -gt 0 ]; then echo "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$TRACES_PORT OTEL_SERVICE_NAME=$1"; fi
  return 0
}
# The services' ports (gRPC 50051–50057, metrics 51051–51057) lie inside Linux's default ephemeral range
# (32768–60999), and the kernel picks a connection's local port by a hash of its destination: on some boots the
# first connection to auth's port takes 50056 before media listens there (EADDRINUSE). As root, the ports are taken
# out of the ephemeral range (ip_local_reserved_ports, added to what is there; listening is unaffected); otherwise a
# clash is reported by the service that could not listen.
reserve_fleet_ports() {
  local file=/proc/sys/net/ipv4/ip_local_reserved_ports first last current
  [ -w "$file" ] || return 0
  read -r _ _ first <<<"${SERVICES[0]}"
  read -r _ _ last <<<"${SERVICES[${#SERVICES[@]}-1]}"
  current=$(cat "$file" 2>/dev/null) || return 0
  case ",$current," in *",$first-$last,"*) return 0 ;; esac
  if echo "${current:+$current,}$first-$last,$((first + 1000))-$((last + 1000))" >"$file" 2>/dev/null; then
    log "ports $first-$last and $((first + 1000))-$((last + 1000)) reserved from the ephemeral range (net.ipv4.ip_local_reserved_ports)"
  fi
  return 0
}
reserve_fleet_ports

for entry in "${SERVICES[@]}"; do
  read -r name entry_point port <<<"$entry"
  if is_running "$name"; then log "$name already running"; continue; fi
  # shellcheck disable=SC2046 # one VAR=value word per line of service_env, per word of trace_env
  env DATABASE_URL="$PG_BASE/lms_$name" GRPC_PORT="$port" $(service_env "$name") $(trace_env "$name") \
    nohup node ${trace_args[@]+"${trace_args[@]}"} "$entry_point" >>"$RUN_DIR/$name.log" 2>&1 &
  echo $! > "$RUN_DIR/$name.pid"
  wait_grpc "$name" "127.0.0.1:$port"
  log "$name ready on 127.0.0.1:$port (log: .run/$name.log)"
done
log "media stores files in $(storage_of media "$UPLOAD_DIR" "${S3_BUCKET:-}"), certificate its PDFs in $(storage_of certificate "$CERTIFICATE_DIR" "$CERTIFICATE_S3_BUCKET")"

if [ "$analytics_rebuild" = true ]; then
  if [ -f services/analytics/dist/src/cli/rebuild.js ]; then
    log "analytics: new database, rebuilding it from the event logs of auth, catalog, enrollment and quiz (log: .run/analytics.log)"
    # It starts over from empty read models, so a failed run (e.g. a lock conflict with the live consumer
    # working through its first events) is simply run again.
    for try in 1 2 3; do
      if DATABASE_URL="$PG_BASE/lms_analytics" node services/analytics/dist/src/cli/rebuild.js >>"$RUN_DIR/analytics.log" 2>&1; then
        log "analytics rebuilt"; break
      fi
      if [ "$try" = 3 ]; then log "analytics rebuild failed (see .run/analytics.log); run it again with: make analytics-rebuild"; break; fi
      sleep 2
    done
  else
    log "analytics: no rebuild command built (services/analytics/dist/src/cli/rebuild.js); it shows only events from now on"
  fi
fi

# The first admin comes from the bootstrap command, never from a public request.
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@lms.local}
DATABASE_URL="$PG_BASE/lms_auth" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_FULL_NAME="Fleet Admin" \
  node services/auth/dist/src/cli/bootstrap-admin.js >>"$RUN_DIR/auth.log" 2>&1

if ! is_running gateway; then
  # shellcheck disable=SC2046 # one VAR=value word per word of trace_env
  env PORT="$GATEWAY_PORT" $(trace_env gateway) nohup node ${trace_args[@]+"${trace_args[@]}"} gateway/dist/src/main.js >>"$RUN_DIR/gateway.log" 2>&1 &
  echo $! > "$RUN_DIR/gateway.pid"
fi
BASE="http://127.0.0.1:$GATEWAY_PORT"
for _ in $(seq 1 150); do
  curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
  is_running gateway || { log "gateway exited:"; tail -20 "$RUN_DIR/gateway.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$BASE/readyz" >/dev/null || { log "gateway not ready; see .run/gateway.log"; exit 1; }

node scripts/demo-data.js "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$DEMO_PASSWORD"

if [ ${#trace_args[@]} -gt 0 ]; then
  TRACES_BANNER="
  Traces     scripts/trace --last   (the latest request as a waterfall; scripts/trace <request id> for the X-Request-Id
             of a response, scripts/trace --list for recent ones; spans in .run/traces/spans.jsonl)"
fi

cat <<EOT

LMS Fleet is running.
  API        $BASE/api/v1
  Docs       $BASE/docs      (OpenAPI: $BASE/openapi.json)
  Health     $BASE/healthz   $BASE/readyz
  Files      $BASE/api/v1/files/upload (multipart), stored in $(storage_of media "$UPLOAD_DIR" "${S3_BUCKET:-}")
  Certificates $BASE/api/v1/certificates/my-certificates, PDFs in $(storage_of certificate "$CERTIFICATE_DIR" "$CERTIFICATE_S3_BUCKET")
               verify: $BASE/api/v1/certificates/verify/<number>   issuer: $BASE/.well-known/did.json
  Logs       .run/*.log      Stop: make stop${TRACES_BANNER:-}

Demo accounts (local only; passwords generated into .run/secrets.env):
  admin       $ADMIN_EMAIL           $ADMIN_PASSWORD
  instructor  instructor@lms.local   $DEMO_PASSWORD
  student     student@lms.local      $DEMO_PASSWORD   (also student2@, student3@)

EOT
status_all
