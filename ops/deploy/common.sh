#!/usr/bin/env bash
# Shared helpers of the deploy tool: messages, fatal errors with a fix-it hint, secrets from *_FILE.
# Sourced by ops/tracehub and the other ops/deploy libraries; defines functions only.

say() { printf 'tracehub: %s\n' "$*" >&2; }

# die MESSAGE [FIX]: prints the error (and how to fix it) to stderr and exits 1.
die() {
  say "error: $1"
  [[ $# -lt 2 ]] || printf '  fix: %s\n' "$2" >&2
  exit 1
}

# secret NAME: the value of $NAME, or the contents of the file named by $NAME_FILE (trailing newline
# removed). Prints nothing when neither is set.
secret() {
  local name="$1" file_var="${1}_FILE"
  if [[ -n "${!name:-}" ]]; then
    printf '%s' "${!name}"
  elif [[ -n "${!file_var:-}" ]]; then
    [[ -r "${!file_var}" ]] || die "cannot read ${file_var}=${!file_var}" "create the file or fix the path"
    local value
    value="$(<"${!file_var}")"
    printf '%s' "${value%$'\n'}"
  fi
}

# env_file_value FILE NAME: the value of NAME=... in an environment file (systemd/compose format).
env_file_value() {
  local file="$1" name="$2" line
  [[ -r "$file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" == "$name="* ]] || continue
    line="${line#"$name="}"
    line="${line%\"}"
    printf '%s' "${line#\"}"
  done <"$file"
}

# env_file_lines FILE: the KEY=VALUE lines of an environment file, comments and blanks dropped.
env_file_lines() {
  local file="$1" line
  [[ -n "$file" ]] || return 0
  [[ -r "$file" ]] || die "cannot read environment file ${file}" "create it (see docs/operations/deploy.md) or fix TRACEHUB_APP_ENV_FILE"
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* ]] && continue
    [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "bad line in ${file}: ${line%%=*}" "use KEY=VALUE lines"
    printf '%s\n' "$line"
  done <"$file"
}

now_ms() { date +%s%3N; }

other_colour() {
  case "$1" in
    blue) printf 'green\n' ;;
    green) printf 'blue\n' ;;
    *) die "unknown colour '$1'" "use blue or green" ;;
  esac
}
