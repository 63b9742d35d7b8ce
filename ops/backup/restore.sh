#!/usr/bin/env bash
# Restores a TraceHub backup (made by backup.sh) into a named database, after verifying its manifest.
#
#   ops/backup/restore.sh [options] [environment] <backup-dir> <target-database>
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail

PROG=restore
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: ops/backup/restore.sh [options] [environment] <backup-dir> <target-database>

Verifies the backup's checksums, asks you to type the target database name, creates the database
and restores the dump into it with pg_restore (one transaction; stops at the first error).
<backup-dir> may be a bare backup name (20261129T020000Z) under the backup root; an environment name
loads /etc/tracehub/<environment>.conf first, as backup.sh does.

Options:
  --yes              do not ask for the typed confirmation (automation)
  --force            replace a target database (or storage directory) that is not empty
  --owner ROLE       create the database owned by ROLE and restore its objects as ROLE
  --no-acl           skip the GRANTs of the dump (when the application role does not exist here)
  --storage-dir DIR  also restore the document store into DIR
  --help             show this help

Environment: PGHOST PGPORT PGUSER (a superuser, or a role with CREATEDB), PGPASSWORD_FILE,
TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE (for encrypted backups), TRACEHUB_MAINTENANCE_DB (default postgres).
EOF
}

ASSUME_YES=false
FORCE=false
OWNER=""
NO_ACL=false
STORAGE_DIR=""
ARGS=()
TMP=""

parse_args() {
  while (($# > 0)); do
    case "$1" in
      --yes | -y) ASSUME_YES=true ;;
      --force) FORCE=true ;;
      --owner) OWNER="${2:?--owner needs a role}"; shift ;;
      --no-acl) NO_ACL=true ;;
      --storage-dir) STORAGE_DIR="${2:?--storage-dir needs a directory}"; shift ;;
      --help | -h) usage; exit 0 ;;
      -*) die "unknown option: $1" "see --help" ;;
      *) ARGS+=("$1") ;;
    esac
    shift
  done
  if ((${#ARGS[@]} == 3)); then
    load_environment "${ARGS[0]}"
    ARGS=("${ARGS[@]:1}")
  fi
  ((${#ARGS[@]} == 2)) || die "expected [environment] <backup-dir> <target-database>" "see --help"
}

maintenance_psql() { db_psql -d "${TRACEHUB_MAINTENANCE_DB:-postgres}" "$@"; }

database_exists() {
  [[ "$(maintenance_psql -At -v db="$1" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db';")" == 1 ]]
}

# Number of relations outside the system schemas of database $1.
user_relation_count() {
  db_psql -d "$1" -At <<<"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%';"
}

# Asks the operator to type database name $1 (read from stdin); fails unless they do.
confirm_target() {
  local db="$1" backup="$2" answer=""
  printf 'Restore %s into database "%s"? Type the database name to confirm: ' "$backup" "$db" >&2
  IFS= read -r answer || true
  [[ "$answer" == "$db" ]] || die "confirmation did not match; nothing was changed" "type exactly: $db"
}

# Makes sure database $1 exists and is empty (dropping it first with --force when it is not).
prepare_database() {
  local db="$1" force="$2" owner="$3" ident
  ident="$(sql_ident "$db")"
  if database_exists "$db"; then
    if [[ "$(user_relation_count "$db")" != 0 ]]; then
      [[ "$force" == true ]] || die "database \"$db\" exists and is not empty" "restore into a new name, or pass --force to replace it"
      err "replacing database \"$db\" (--force)"
      maintenance_psql <<<"DROP DATABASE $ident WITH (FORCE);"
    else
      return 0
    fi
  fi
  if [[ -n "$owner" ]]; then
    maintenance_psql <<<"CREATE DATABASE $ident OWNER $(sql_ident "$owner");"
  else
    maintenance_psql <<<"CREATE DATABASE $ident;"
  fi
}

# Restores custom-format dump $1 into existing database $2. Objects belong to the connecting role, or
# to role $3 when given (--no-owner: the dump's owner role need not exist here); GRANTs are kept
# unless $4 is true. One transaction: a failed restore leaves the database empty, never half-filled.
restore_database() {
  local dump="$1" db="$2" owner="${3:-}" no_acl="${4:-false}"
  local -a opts=(--no-password --no-owner --exit-on-error --single-transaction --dbname="$db")
  [[ -z "$owner" ]] || opts+=(--role="$owner")
  [[ "$no_acl" != true ]] || opts+=(--no-acl)
  pg_restore "${opts[@]}" "$dump" ||
    die "pg_restore failed; database \"$db\" holds nothing of the backup" "an error about a missing role: create it, or pass --no-acl"
}

# Unpacks the document store archive $1 into directory $2.
restore_storage() {
  local archive="$1" dir="$2" force="$3"
  mkdir -p "$dir"
  if [[ -n "$(find "$dir" -mindepth 1 -print -quit)" && "$force" != true ]]; then
    die "storage directory $dir is not empty" "pick an empty directory, or pass --force to unpack over it"
  fi
  tar -C "$dir" -xf "$archive" || die "could not unpack the document store into $dir"
}

main() {
  parse_args "$@"
  local dir db="${ARGS[1]}" started dump
  dir="$(resolve_backup_dir "${ARGS[0]}")"
  require_tools pg_restore psql tar sha256sum
  load_secret_files
  [[ -d "$dir" ]] || die "$dir is not a directory" "pass a backup directory such as /var/backups/tracehub/20261129T020000Z"
  verify_backup "$dir" || die "backup $dir failed verification; refusing to restore it" "pick another backup (ops/backup/restore-drill.sh finds the newest good one)"
  [[ "$ASSUME_YES" == true ]] || confirm_target "$db" "$dir"
  TMP="$(mktemp -d)"
  trap 'rm -rf -- "$TMP"' EXIT
  started="$(date +%s)"
  dump="$(plain_backup_file "$dir" database.dump "$TMP")"
  prepare_database "$db" "$FORCE" "$OWNER"
  restore_database "$dump" "$db" "$OWNER" "$NO_ACL"
  if [[ -n "$STORAGE_DIR" ]]; then
    restore_storage "$(plain_backup_file "$dir" storage.tar "$TMP")" "$STORAGE_DIR" "$FORCE"
  fi
  printf 'restored %s into database "%s"%s in %ss\n' "$(basename "$dir")" "$db" \
    "${STORAGE_DIR:+ and storage into $STORAGE_DIR}" "$(($(date +%s) - started))"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
