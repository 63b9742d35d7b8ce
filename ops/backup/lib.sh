#!/usr/bin/env bash
# Shared helpers of the backup tools (backup.sh, restore.sh, restore-drill.sh, retention.sh).
# Sourced, never run. A backup is a directory <root>/<YYYYMMDDTHHMMSSZ>/ holding:
#   database.dump[.enc]  pg_dump custom format (encrypted with openssl when a key file is configured)
#   storage.tar[.enc]    the document store (an empty archive when there is none)
#   manifest.json        what was backed up: schema version, row counts, RLS state, file sizes and SHA-256
#   SHA256SUMS           sha256sum(1) lines for every file above; written last
# A backup is "good" when all four files are there, every checksum matches and manifest.json agrees
# with SHA256SUMS. Directories whose name starts with a dot are unfinished backups and never count.

# The name used in messages; each tool sets it before sourcing.
PROG="${PROG:-backup}"

readonly BACKUP_NAME_RE='^[0-9]{8}T[0-9]{6}Z$'
readonly DEFAULT_BACKUP_DIR=/var/backups/tracehub
readonly ENCRYPTION_SUFFIX=.enc

# The alert helper of the deploy tool (ALERT: line, alert log, webhook): docs/operations/alerts.md.
# shellcheck source-path=SCRIPTDIR source=../deploy/alert.sh
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/alert.sh"

# LAST_ERROR: the last message err printed, the detail of the alert a failure raises.
LAST_ERROR=""
err() {
  # shellcheck disable=SC2034 # read by the tools' EXIT traps
  LAST_ERROR="$*"
  printf '%s: %s\n' "$PROG" "$*" >&2
}
die() {
  err "$1"
  [[ $# -lt 2 ]] || printf '  fix: %s\n' "$2" >&2
  exit 1
}

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 ||
      die "$tool not found on PATH" "install it (Debian: apt-get install postgresql-client coreutils tar openssl)"
  done
}

# Reads the secret of an optional *_FILE variable: PGPASSWORD_FILE -> PGPASSWORD (for libpq only).
load_secret_files() {
  [[ -n "${PGPASSWORD_FILE:-}" ]] || return 0
  [[ -r "$PGPASSWORD_FILE" ]] || die "PGPASSWORD_FILE is set but not readable" "point it at a file holding the database password"
  local password
  IFS= read -r password <"$PGPASSWORD_FILE" || [[ -n "$password" ]] || die "PGPASSWORD_FILE is empty" "write the password into it"
  export PGPASSWORD="$password"
}

backup_root() { printf '%s\n' "${TRACEHUB_BACKUP_DIR:-$DEFAULT_BACKUP_DIR}"; }

# True when $1 looks like an environment name (production, staging, ...), not a path or option.
is_environment_name() { [[ "$1" =~ ^[a-z][a-z0-9-]*$ ]]; }

# Loads the configuration of environment $1 like ops/tracehub does: KEY=VALUE lines of
# ${TRACEHUB_CONFIG:-/etc/tracehub/<env>.conf} (comments and blanks skipped; variables already set
# win), then defaults the backup root to one directory per environment.
load_environment() {
  local env="$1" conf line name
  is_environment_name "$env" || die "bad environment name '$env'" "use production, staging or another lower-case name"
  conf="${TRACEHUB_CONFIG:-/etc/tracehub/$env.conf}"
  if [[ -r "$conf" ]]; then
    while IFS= read -r line || [[ -n "$line" ]]; do
      line="${line#"${line%%[![:space:]]*}"}"
      [[ -z "$line" || "$line" == \#* ]] && continue
      [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "bad line in $conf: ${line%%=*}" "use KEY=VALUE lines"
      name="${line%%=*}"
      [[ -n "${!name+set}" ]] || export "${line?}"
    done <"$conf"
  elif [[ -n "${TRACEHUB_CONFIG:-}" ]]; then
    die "cannot read TRACEHUB_CONFIG=$conf" "fix the path"
  fi
  export TRACEHUB_BACKUP_DIR="${TRACEHUB_BACKUP_DIR:-$DEFAULT_BACKUP_DIR/$env}"
  # shellcheck disable=SC2034 # read by alert (ops/deploy/alert.sh)
  ALERT_ENV="$env" # names the environment in alerts
}

# Backup directory argument $1: a path, or the bare name of a backup under the backup root.
resolve_backup_dir() {
  local arg="${1%/}"
  if [[ ! -d "$arg" ]] && is_backup_name "$arg"; then
    printf '%s/%s\n' "$(backup_root)" "$arg"
  else
    printf '%s\n' "$arg"
  fi
}

is_backup_name() { [[ "$1" =~ $BACKUP_NAME_RE ]]; }

# Seconds since the epoch of a backup name: 20261129T020000Z -> 1795917600.
backup_epoch() {
  local n="$1"
  is_backup_name "$n" || return 1
  date -u -d "${n:0:4}-${n:4:2}-${n:6:2} ${n:9:2}:${n:11:2}:${n:13:2}" +%s
}

# The backup name for epoch $1 (default: now).
backup_name_at() { date -u -d "@${1:-$(date +%s)}" +%Y%m%dT%H%M%SZ; }

# Names of the finished backups under root $1, oldest first.
list_backups() {
  local root="$1" path name
  [[ -d "$root" ]] || return 0
  for path in "$root"/*/; do
    name="${path%/}" name="${name##*/}"
    is_backup_name "$name" && printf '%s\n' "$name"
  done | sort
}

# Fails (with the reason on stderr) unless backup directory $1 is complete and intact.
verify_backup() {
  local dir="$1" file hash name
  for file in manifest.json SHA256SUMS; do
    [[ -f "$dir/$file" ]] || { err "$dir: $file is missing"; return 1; }
  done
  grep -Eq '^[0-9a-f]{64}  manifest\.json$' "$dir/SHA256SUMS" || { err "$dir: SHA256SUMS does not cover manifest.json"; return 1; }
  grep -Eq '^[0-9a-f]{64}  database\.dump(\.enc)?$' "$dir/SHA256SUMS" || { err "$dir: SHA256SUMS does not cover the database dump"; return 1; }
  if ! (cd "$dir" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1); then
    err "$dir: checksum mismatch or missing file: $(cd "$dir" && sha256sum --quiet -c SHA256SUMS 2>&1 | head -n 3 | tr '\n' ' ')"
    return 1
  fi
  # The manifest must name the same content as SHA256SUMS (a stray or swapped file is not good).
  while read -r hash name; do
    [[ "$name" == manifest.json ]] && continue
    grep -Fq "\"$hash\"" "$dir/manifest.json" || { err "$dir: manifest.json does not list $name with its checksum"; return 1; }
  done <"$dir/SHA256SUMS"
  return 0
}

# The name of the newest good backup under root $1; fails when there is none.
newest_good_backup() {
  local root="$1" name
  local -a names
  mapfile -t names < <(list_backups "$root")
  local i
  for ((i = ${#names[@]} - 1; i >= 0; i--)); do
    name="${names[i]}"
    if verify_backup "$root/$name" 2>/dev/null; then
      printf '%s\n' "$name"
      return 0
    fi
    err "skipping $name: not a good backup"
  done
  return 1
}

# psql for the tools: no psqlrc, never a password prompt, stop on the first error, and row_security
# off so that a query which row-level security would filter fails loudly instead of returning fewer rows.
db_psql() {
  PGOPTIONS="${PGOPTIONS:+$PGOPTIONS }-c row_security=off" psql -X -q -w -v ON_ERROR_STOP=1 "$@"
}

# Decrypts file $1 into $2 with key file $3 (the counterpart of backup.sh's encrypt_file).
decrypt_file() {
  openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 -in "$1" -out "$2" -pass "file:$3"
}

# Prints the plain (decrypted when needed) path of backup file $2 ("database.dump" or "storage.tar")
# of backup $1, decrypting into work dir $3 with TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE.
plain_backup_file() {
  local dir="$1" file="$2" work="$3"
  if [[ -f "$dir/$file" ]]; then
    printf '%s\n' "$dir/$file"
  elif [[ -f "$dir/$file$ENCRYPTION_SUFFIX" ]]; then
    local key="${TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE:-}"
    [[ -n "$key" && -r "$key" ]] || die "$dir/$file$ENCRYPTION_SUFFIX is encrypted" "set TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE to the key file used for the backup"
    require_tools openssl
    decrypt_file "$dir/$file$ENCRYPTION_SUFFIX" "$work/$file" "$key" 2>/dev/null ||
      die "could not decrypt $file (wrong key?)" "check TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE"
    printf '%s\n' "$work/$file"
  else
    die "$dir has no $file" "pick a complete backup directory"
  fi
}

# Quotes $1 as an SQL identifier.
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }
