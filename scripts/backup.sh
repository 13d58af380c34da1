#!/usr/bin/env bash
# Backs up every service database of LMS Fleet (the list in deploy/postgres-init/01-create-databases.sql:
# lms_auth, lms_catalog, …) with pg_dump's custom format, one file per database, into a new timestamped set:
#
#   <out>/lms-backup-<YYYYMMDDTHHMMSSZ>/
#     <service>.dump   pg_dump -Fc of lms_<service> (compressed; pg_restore reads it, in parallel with --jobs)
#     SHA256SUMS       `sha256sum -c` format; restore.sh checks it before touching anything
#     manifest.json    when, pg_dump's and each server's version, and per database: source name, bytes, sha256,
#                      schema migrations applied (count and the latest name, from its schema_migrations table)
#
# Usage: scripts/backup.sh [--out DIR] [--only NAMES]
#   --out DIR     parent directory of the set (default: $BACKUP_DIR, else the repository's .run/backups, git-ignored)
#   --only NAMES  comma- or space-separated services or databases (auth,catalog or lms_auth …); default: all
# Where each database is: <SERVICE>_DATABASE_URL (e.g. AUTH_DATABASE_URL, the service's own URL, any database
# name), else DATABASE_URL as an admin URL of the one server (its database name is replaced by lms_<service>).
# Prints the set's directory on stdout when every dump succeeded; otherwise exits non-zero and removes the
# incomplete set (it is written as <set>.partial and renamed only at the end). Passwords never reach argv or logs.
#
# Each dump is a consistent snapshot of its own database; the databases are dumped one after another, so the set
# is not one instant across services — docs/deploy.md §Backups says why that is safe and what to restore together.
set -euo pipefail
PG_BACKUP_TOOL=backup
# shellcheck source=lib/pg-backup.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/pg-backup.sh"

out=${BACKUP_DIR:-$PG_BACKUP_REPO/.run/backups}
only=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --only) only=${2:?--only needs names}; shift 2 ;;
    -h | --help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
selected=$(if [ -n "$only" ]; then select_services "$only"; else all_services; fi)
read -r -a services <<<"$(tr '\n' ' ' <<<"$selected")"

# Every URL resolved (and every server reached) before the first dump: a typo fails fast.
declare -A urls
for name in "${services[@]}"; do urls[$name]=$(service_url "$name"); done

json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

mkdir -p "$out"
set_dir="$(cd "$out" && pwd)/lms-backup-$(date -u +%Y%m%dT%H%M%SZ)"
[ ! -e "$set_dir" ] || die "$set_dir already exists"
work="$set_dir.partial"
mkdir "$work"
trap 'rm -rf "$work"' EXIT

pg_dump_bin=$(pgbin pg_dump)
dump_version=$("$pg_dump_bin" --version)
entries=()
for name in "${services[@]}"; do
  url=${urls[$name]}
  shown=$(mask_url "$url")
  probe=$(psql_value "$url" "SELECT coalesce(to_regclass('schema_migrations')::text, '') || '|' || current_setting('server_version')") ||
    die "$name: cannot reach $shown"
  server=${probe#*|}
  migrations=0 latest=
  if [ -n "${probe%%|*}" ]; then
    applied=$(psql_value "$url" "SELECT count(*) || '|' || coalesce(max(name), '') FROM schema_migrations")
    migrations=${applied%%|*} latest=${applied#*|}
  fi
  file="$name.dump"
  log "$name: dumping $shown"
  PGPASSWORD=$(url_password "$url") "$pg_dump_bin" --format=custom --dbname="$(bare_url "$url")" --file="$work/$file" ||
    die "$name: pg_dump failed ($shown)"
  bytes=$(stat -c %s "$work/$file")
  sum=$(sha256sum "$work/$file" | cut -d' ' -f1)
  printf '%s  %s\n' "$sum" "$file" >>"$work/SHA256SUMS"
  entries+=("$(printf '    {"service": %s, "database": %s, "file": %s, "bytes": %s, "sha256": %s, "server_version": %s, "migrations": {"count": %s, "latest": %s}}' \
    "$(json_str "$name")" "$(json_str "$(url_database "$url")")" "$(json_str "$file")" "$bytes" "$(json_str "$sum")" \
    "$(json_str "$server")" "$migrations" "$(json_str "$latest")")")
  log "$name: $bytes bytes, $migrations migrations (latest: ${latest:-none})"
done

{
  printf '{\n  "format": "lms-fleet-backup/1",\n  "created_at": %s,\n  "pg_dump_version": %s,\n  "databases": [\n' \
    "$(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)")" "$(json_str "$dump_version")"
  for i in "${!entries[@]}"; do
    printf '%s%s\n' "${entries[$i]}" "$([ "$i" -lt $((${#entries[@]} - 1)) ] && echo ,)"
  done
  printf '  ]\n}\n'
} >"$work/manifest.json"
mv "$work" "$set_dir"
trap - EXIT
log "done: ${#services[@]} database(s) in $set_dir"
echo "$set_dir"
