#!/usr/bin/env bash
# One deploy (or rollback) per environment at a time: an flock held for the life of the command.

# lock_acquire FILE: takes the lock or exits with who holds it. The lock is released when the
# process exits (the file descriptor closes), also after a crash or kill -9.
lock_acquire() {
  local file="$1" holder=""
  mkdir -p "$(dirname "$file")"
  exec {LOCK_FD}>>"$file"
  if ! flock -n "$LOCK_FD"; then
    holder="$(cat "${file}.owner" 2>/dev/null || true)"
    die "another deploy or rollback of this environment is running${holder:+ (${holder})}" \
      "wait for it to finish (ops/tracehub status shows progress); the lock frees itself when that process exits"
  fi
  printf 'pid %s, user %s, since %s\n' "$$" "$(id -un 2>/dev/null || echo '?')" "$(date -u +%FT%TZ)" >"${file}.owner"
}
