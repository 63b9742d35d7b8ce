#!/usr/bin/env bash
# Backs up TraceHub: the database (pg_dump custom format), the document store (tar) and a manifest,
# written into a hidden work directory and renamed to <root>/<UTC timestamp>/ only when complete.
#
#   ops/backup/backup.sh [env]                  take a backup
#   ops/backup/backup.sh [env] --check-stale    exit 1 with an alert when the newest good backup is too old
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail

PROG=backup
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: ops/backup/backup.sh [environment] [--check-stale] [--help]

Takes a backup into $TRACEHUB_BACKUP_DIR/<YYYYMMDDTHHMMSSZ>/ (database.dump, storage.tar,
manifest.json, SHA256SUMS). An environment name (production, staging) first loads
/etc/tracehub/<environment>.conf (or $TRACEHUB_CONFIG) and makes the backup root default to
/var/backups/tracehub/<environment>. With --check-stale, takes none and exits 1 with an ALERT line when the
newest good backup is older than TRACEHUB_BACKUP_MAX_AGE_HOURS (default 26) or there is none.

Environment:
  PGHOST PGPORT PGUSER PGDATABASE   the database (libpq; PGDATABASE required); PGUSER must be a superuser or have
                                    BYPASSRLS, or the dump fails (row-level security)
  PGPASSWORD_FILE                   file holding the password (or use ~/.pgpass)
  TRACEHUB_BACKUP_DIR               backup root (default /var/backups/tracehub)
  TRACEHUB_STORAGE_DIR              document store to include (missing or empty: recorded as empty)
  TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE  encrypt the dump and archive (openssl AES-256-CBC, PBKDF2)
  TRACEHUB_BACKUP_MAX_AGE_HOURS     age limit for --check-stale (default 26)
  TRACEHUB_ALERT_WEBHOOK(_FILE), TRACEHUB_ALERT_WEBHOOK_SECRET(_FILE)
                                    where failures and stale backups are also sent (docs/operations/alerts.md)
EOF
}

WORK=""

cleanup() {
  local status=$?
  # Any failure of a backup (a die anywhere, a signal) is an alert; --help and --check-stale never get here.
  ((status == 0)) || alert backup-failed "backup to $(backup_root) failed" "${LAST_ERROR:-exit $status; the error is in the output above}"
  # Only the unfinished work directory is ever removed; a finished backup has been renamed away.
  [[ -z "$WORK" || ! -d "$WORK" ]] || rm -rf -- "$WORK"
}

# Reads the state of the database inside one REPEATABLE READ snapshot, dumps it with pg_dump from
# that same snapshot (so the row counts describe exactly the dumped rows), and prints the database
# part of the manifest as one JSON line. $1 is the dump file to write.
dump_database() {
  local out="$1" snapshot="" info=""
  coproc SNAP { db_psql -At 2>&1; }
  printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;" "SELECT pg_export_snapshot();" >&"${SNAP[1]}"
  IFS= read -r -t 60 snapshot <&"${SNAP[0]}" || true
  if [[ ! "$snapshot" =~ ^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$ ]]; then
    die "could not open a snapshot of the database: ${snapshot:-no answer}" \
      "check PGHOST/PGPORT/PGUSER/PGDATABASE and the password (PGPASSWORD_FILE or ~/.pgpass)"
  fi
  if ! pg_dump --no-password --format=custom --snapshot="$snapshot" --file="$out"; then
    die "pg_dump failed (see above)" "a 'row-level security' error means PGUSER must be a superuser or have BYPASSRLS (docs/operations/restore.md)"
  fi
  printf '%s\n' "$(manifest_query)" >&"${SNAP[1]}"
  IFS= read -r -t 120 info <&"${SNAP[0]}" || true
  [[ "$info" == "{"* ]] || die "could not read the row counts: ${info:-no answer}" \
    "PGUSER must be a superuser or have BYPASSRLS, and the database must hold the TraceHub schema"
  printf '%s\n' "COMMIT;" '\q' >&"${SNAP[1]}"
  wait "$SNAP_PID" || die "the snapshot session failed"
  printf '%s\n' "$info"
}

# One line of JSON: database, server version, schema version, row counts, RLS state of each table.
manifest_query() {
  cat <<'SQL' | tr '\n' ' '
SELECT json_build_object(
  'database', current_database(),
  'server_version', current_setting('server_version'),
  'schema_version', (SELECT json_build_object('id', id, 'author', author,
      'changesets', (SELECT count(*) FROM databasechangelog))
    FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1),
  'tables', (SELECT json_object_agg(c.relname, json_build_object(
      'rows', (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint,
      'rls', c.relrowsecurity, 'force_rls', c.relforcerowsecurity,
      'policies', (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)) ORDER BY c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')));
SQL
}

# Archives document store $1 (may be missing or empty) into $2; prints its file count.
archive_storage() {
  local dir="$1" out="$2"
  if [[ -n "$dir" && -d "$dir" ]]; then
    tar -C "$dir" -cf "$out" . || die "could not archive the document store $dir" "check that it is readable by $(id -un)"
    find "$dir" -type f | wc -l
  else
    [[ -z "$dir" ]] || err "document store $dir does not exist: recorded as empty"
    tar -cf "$out" -T /dev/null
    printf '0\n'
  fi
}

# Encrypts $1 into $1.enc with key file $2 and removes the plain file.
encrypt_file() {
  openssl enc -aes-256-cbc -pbkdf2 -iter 200000 -salt -in "$1" -out "$1$ENCRYPTION_SUFFIX" -pass "file:$2" ||
    die "could not encrypt $(basename "$1")" "check TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE"
  rm -f -- "$1"
}

# The files part of the manifest for the named files of directory $1.
files_json() {
  local dir="$1" sep="" f size sum
  shift
  printf '['
  for f in "$@"; do
    size="$(stat -c %s "$dir/$f")"
    sum="$(sha256sum "$dir/$f")"
    printf '%s{"name":"%s","bytes":%s,"sha256":"%s"}' "$sep" "$f" "$size" "${sum%% *}"
    sep=,
  done
  printf ']'
}

# Writes manifest.json into $1 from the parts given as psql variables.
write_manifest() {
  local dir="$1" created="$2" db_json="$3" files="$4" storage_files="$5" encryption="$6"
  db_psql -At -v created="$created" -v db="$db_json" -v files="$files" -v storage_files="$storage_files" \
    -v encryption="$encryption" -o "$dir/manifest.json" <<'SQL'
SELECT jsonb_pretty(jsonb_build_object('format', 1, 'created_at', :'created', 'encryption', :'encryption',
  'storage', jsonb_build_object('files', (:'storage_files')::int), 'files', (:'files')::jsonb) || (:'db')::jsonb);
SQL
}

take_backup() {
  local root key started name created db_json storage_files encryption=none
  umask 077 # the dump holds password hashes
  root="$(backup_root)"
  key="${TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE:-}"
  if [[ -n "$key" ]]; then
    [[ -r "$key" && -s "$key" ]] || die "TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE is not a readable, non-empty file" "create one: openssl rand -base64 48 > key; chmod 600 key"
    encryption=openssl-aes-256-cbc-pbkdf2
  fi
  mkdir -p "$root" || die "cannot create backup root $root" "create it and make it writable by $(id -un)"
  started="$(date +%s)"
  name="$(backup_name_at "$started")"
  created="$(date -u -d "@$started" +%Y-%m-%dT%H:%M:%SZ)"
  [[ ! -e "$root/$name" ]] || die "$root/$name already exists" "wait a second and run again"
  WORK="$(mktemp -d "$root/.incomplete-$name-XXXXXX")"
  chmod 700 "$WORK"

  db_json="$(dump_database "$WORK/database.dump")"
  storage_files="$(archive_storage "${TRACEHUB_STORAGE_DIR:-}" "$WORK/storage.tar")"
  local -a files=(database.dump storage.tar)
  if [[ -n "$key" ]]; then
    encrypt_file "$WORK/database.dump" "$key"
    encrypt_file "$WORK/storage.tar" "$key"
    files=(database.dump.enc storage.tar.enc)
  fi
  write_manifest "$WORK" "$created" "$db_json" "$(files_json "$WORK" "${files[@]}")" "$storage_files" "$encryption" ||
    die "could not write manifest.json"
  (cd "$WORK" && sha256sum "${files[@]}" manifest.json >SHA256SUMS.tmp && sync -f . && mv SHA256SUMS.tmp SHA256SUMS)
  verify_backup "$WORK" || die "the new backup does not verify" "check disk space and the backup root"
  mv -T -- "$WORK" "$root/$name" || die "could not move the backup into place"
  WORK=""
  printf 'backup %s: %s bytes in %ss (%s)\n' "$root/$name" "$(du -sb "$root/$name" | cut -f1)" \
    "$(($(date +%s) - started))" "$encryption"
}

# Exit 1 with an alert when the newest good backup is older than the limit (hours).
check_stale() {
  local root max_hours newest age
  root="$(backup_root)"
  max_hours="${TRACEHUB_BACKUP_MAX_AGE_HOURS:-26}"
  [[ "$max_hours" =~ ^[0-9]+$ ]] || die "TRACEHUB_BACKUP_MAX_AGE_HOURS must be a whole number of hours"
  if ! newest="$(newest_good_backup "$root")"; then
    alert backup-stale "no good backup in $root" "check the backup job: systemctl status tracehub-backup, or the cron mail"
    return 1
  fi
  age=$(($(date +%s) - $(backup_epoch "$newest")))
  if ((age > max_hours * 3600)); then
    alert backup-stale "newest good backup $newest is $((age / 3600))h old (limit ${max_hours}h)" \
      "check the backup job: systemctl status tracehub-backup, or the cron mail"
    return 1
  fi
  printf 'ok: newest good backup %s is %sh old (limit %sh)\n' "$newest" "$((age / 3600))" "$max_hours"
}

main() {
  local stale=false
  while (($# > 0)); do
    case "$1" in
      -h | --help) usage; return 0 ;;
      --check-stale) stale=true ;;
      -*) die "unknown option: $1" "see --help" ;;
      *) load_environment "$1" ;;
    esac
    shift
  done
  if [[ "$stale" == true ]]; then
    check_stale
    return
  fi
  trap cleanup EXIT
  [[ -n "${PGDATABASE:-}" ]] || die "PGDATABASE is not set" "set it (and PGHOST, PGUSER) in the environment or in /etc/tracehub/<env>.conf"
  require_tools pg_dump psql tar sha256sum
  [[ -z "${TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE:-}" ]] || require_tools openssl
  load_secret_files
  take_backup
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
