#!/usr/bin/env bash
# Restores a backup set made by scripts/backup.sh into a PostgreSQL server.
#
# Usage: scripts/restore.sh [--only NAMES] [--jobs N] [--force] SET_DIR
#   --only NAMES  comma- or space-separated services (auth,catalog or lms_auth …) of the set; default: every dump in it
#   --jobs N      pg_restore's parallel jobs per database (default 1)
#   --force       restore over a database that already has tables (pg_restore --clean --if-exists: the set's objects
#                 are dropped and recreated, objects the set does not have are left alone); without it such a
#                 database is refused, and nothing at all is restored
# Where each database goes: <SERVICE>_DATABASE_URL (e.g. AUTH_DATABASE_URL), else DATABASE_URL as an admin URL of
# the target server, with lms_<service>. A missing database is created (through the server's `postgres` database).
#
# Before touching any database it checks every file against SHA256SUMS, that pg_restore can read each archive, and
# that every target is absent or empty (or --force). Objects are owned by the role of the target URL (--no-owner
# --no-acl: the source's roles need not exist on the target). Stop the services first; restore every database
# from the SAME set (docs/deploy.md §Backups). Exits non-zero on the first failure; passwords never reach argv or logs.
set -euo pipefail
PG_BACKUP_TOOL=restore
# shellcheck source=lib/pg-backup.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/pg-backup.sh"

only= jobs=1 force= set_dir=
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=${2:?--only needs names}; shift 2 ;;
    --jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
    --force) force=1; shift ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [ -z "$set_dir" ] || die "one backup set at a time"; set_dir=$1; shift ;;
  esac
done
[ -n "$set_dir" ] || die "which backup set? (scripts/restore.sh [options] SET_DIR)"
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "--jobs needs a positive number"
[ -f "$set_dir/manifest.json" ] && [ -f "$set_dir/SHA256SUMS" ] || die "$set_dir is not a complete backup set (no manifest.json/SHA256SUMS)"

log "checking the checksums of $set_dir"
(cd "$set_dir" && sha256sum --quiet --strict -c SHA256SUMS) || die "checksum mismatch in $set_dir: nothing restored"

mapfile -t in_set < <(sed -nE 's/^[0-9a-f]{64}  ([a-z0-9_]+)\.dump$/\1/p' "$set_dir/SHA256SUMS")
if [ -n "$only" ]; then
  selected=$(select_services "$only")
  read -r -a services <<<"$selected"
  for name in "${services[@]}"; do
    [[ " ${in_set[*]} " == *" $name "* ]] || die "$name is not in $set_dir (it has: ${in_set[*]})"
  done
else
  services=("${in_set[@]}")
fi
[ "${#services[@]}" -gt 0 ] || die "no dumps in $set_dir"

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }
pg_restore_bin=$(pgbin pg_restore)

# Every check before the first change.
declare -A urls exists filled
refused=()
for name in "${services[@]}"; do
  "$pg_restore_bin" --list "$set_dir/$name.dump" >/dev/null || die "$name.dump is not a readable pg_dump archive"
  url=$(service_url "$name")
  urls[$name]=$url
  db=$(url_database "$url")
  [ -n "$db" ] || die "$name: the target URL names no database"
  found=$(psql_value "$(with_database "$url" postgres)" "SELECT count(*) FROM pg_database WHERE datname = $(sql_literal "$db")") ||
    die "$name: cannot reach the target server $(mask_url "$url")"
  exists[$name]=$found
  filled[$name]=
  if [ "$found" = 1 ]; then
    tables=$(psql_value "$url" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
    [ "$tables" = 0 ] || filled[$name]=1
    [ -z "${filled[$name]}" ] || [ -n "$force" ] || refused+=("$db ($tables relations)")
  fi
done
[ "${#refused[@]}" -eq 0 ] || die "not empty: ${refused[*]} — restore into fresh databases, or pass --force to replace their contents; nothing restored"

for name in "${services[@]}"; do
  url=${urls[$name]}
  db=$(url_database "$url")
  shown=$(mask_url "$url")
  clean=()
  if [ -n "${filled[$name]}" ]; then
    clean=(--clean --if-exists)
  elif [ "${exists[$name]}" = 0 ]; then
    log "$name: creating database $db"
    psql_value "$(with_database "$url" postgres)" "CREATE DATABASE $(sql_ident "$db")" >/dev/null || die "$name: cannot create $db"
  fi
  log "$name: restoring $name.dump into $shown (jobs $jobs)"
  PGPASSWORD=$(url_password "$url") "$pg_restore_bin" --exit-on-error --no-owner --no-acl --jobs="$jobs" ${clean[@]+"${clean[@]}"} \
    --dbname="$(bare_url "$url")" "$set_dir/$name.dump" || die "$name: pg_restore failed ($shown)"
done
log "done: ${#services[@]} database(s) restored from $set_dir"
