# shellcheck shell=bash
# Shared by scripts/backup.sh and scripts/restore.sh: which databases exist, where each one is, and how to
# hand a URL to libpq without its password showing up in `ps` or in a log line.

PG_BACKUP_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The one list of the fleet's databases: the one docker-compose's PostgreSQL creates (lms_<service> each).
PG_BACKUP_DB_LIST=$PG_BACKUP_REPO/deploy/postgres-init/01-create-databases.sql

# PostgreSQL client binaries: PG_BIN, else Debian's PostgreSQL 15 (what scripts/infra.sh runs), else PATH.
if [ -z "${PG_BIN:-}" ] && [ -x /usr/lib/postgresql/15/bin/pg_dump ]; then PG_BIN=/usr/lib/postgresql/15/bin; fi
pgbin() { if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN/$1"; else command -v "$1" || echo "$1"; fi; }

log() { printf '[%s] %s\n' "$PG_BACKUP_TOOL" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$PG_BACKUP_TOOL" "$*" >&2; exit 1; }
mask_url() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# The services whose database is listed (auth catalog …), in the list's order.
all_services() { sed -nE 's/^CREATE DATABASE lms_([a-z0-9_]+);.*/\1/p' "$PG_BACKUP_DB_LIST"; }

# --only "auth,lms_quiz catalog" → "auth quiz catalog"; dies on a name that is not in the list.
select_services() {
  local known name out=()
  known=" $(all_services | tr '\n' ' ') "
  for name in $(tr ',' ' ' <<<"$1"); do
    name=${name#lms_}
    [[ "$known" == *" $name "* ]] || die "unknown database '$name' (known:$known)"
    out+=("$name")
  done
  [ "${#out[@]}" -gt 0 ] || die "--only needs at least one name"
  echo "${out[@]}"
}

# The URL of a service's database: <NAME>_DATABASE_URL as given, else the server of DATABASE_URL (an admin URL:
# its own database name is replaced) with lms_<name>.
service_url() {
  local name=$1 var url
  var="$(tr '[:lower:]' '[:upper:]' <<<"$name")_DATABASE_URL"
  url=${!var:-}
  if [ -z "$url" ]; then
    [ -n "${DATABASE_URL:-}" ] || die "no URL for $name: set $var or DATABASE_URL (an admin URL of the server)"
    url=$(with_database "$DATABASE_URL" "lms_$name")
  fi
  echo "$url"
}

# The same server and credentials, another database (the path replaced, the query kept).
with_database() { sed -E 's#^([a-zA-Z0-9+.-]+://[^/?]*)(/[^?]*)?#\1/'"$2"'#' <<<"$1"; }

# The database name of a URL (percent-decoded).
url_database() { local db; db=$(sed -E 's#^[a-zA-Z0-9+.-]+://[^/?]*/?##; s#\?.*$##' <<<"$1"); printf '%b' "${db//%/\\x}"; }

# A URL without its password (what goes on a command line: `ps` shows argv) and the password alone, decoded (what
# goes in PGPASSWORD): `PGPASSWORD=$(url_password "$u") pg_dump --dbname="$(bare_url "$u")"`.
bare_url() { sed -E 's#^([a-zA-Z0-9+.-]+://[^:/@]*):[^@/]*@#\1@#' <<<"$1"; }
url_password() {
  local pass
  pass=$(sed -nE 's#^[a-zA-Z0-9+.-]+://[^:/@]*:([^@/]*)@.*#\1#p' <<<"$1")
  printf '%b' "${pass//%/\\x}"
}

# One value from a query on URL (psql: no .psqlrc, tuples only, stop on error).
psql_value() { PGPASSWORD=$(url_password "$1") "$(pgbin psql)" -X -q -A -t -v ON_ERROR_STOP=1 --dbname="$(bare_url "$1")" -c "$2"; }
