#!/usr/bin/env bash
# `ops/tracehub check-disk <env>`: free space of the file systems TraceHub writes to, and the size of
# PostgreSQL's WAL, with an alert for each one past its limit (docs/operations/alerts.md). Run by
# tracehub-check-disk.timer (or cron) so that a filling disk is known before a deploy, a backup or
# PostgreSQL fails on it. Kept apart from health-check, which judges one colour of the application and
# gates deploys: a full backup disk must not fail a post-deploy verification, and reading pg_wal
# needs the postgres user, which the deploy user is not.
#
# Globals read: STATE_DIR, DEPLOY_ENV, and
#   TRACEHUB_DISK_CHECK_DIRS        colon-separated directories (default: state dir, backup dir and
#                                   TRACEHUB_PG_DATA_DIR when set); each file system is checked once
#   TRACEHUB_DISK_MIN_FREE_KB       alert below this many KiB free (default 2097152, 2 GiB)
#   TRACEHUB_DISK_MIN_FREE_PERCENT  alert below this share free (default 10)
#   TRACEHUB_PG_DATA_DIR            PostgreSQL data directory; its pg_wal is measured when readable
#   TRACEHUB_WAL_MAX_KB             alert when pg_wal is larger (default 4194304, 4 GiB)

disk_check_dirs() {
  if [[ -n "${TRACEHUB_DISK_CHECK_DIRS:-}" ]]; then
    tr ':' '\n' <<<"$TRACEHUB_DISK_CHECK_DIRS" | grep -v '^$' || true
  else
    printf '%s\n' "$STATE_DIR" "${TRACEHUB_BACKUP_DIR:-/var/backups/tracehub/${DEPLOY_ENV}}"
    [[ -z "${TRACEHUB_PG_DATA_DIR:-}" ]] || printf '%s\n' "$TRACEHUB_PG_DATA_DIR"
  fi
}

# check_free_space DIR: prints the figures; fails (after alerting) when below a limit.
check_free_space() {
  local dir="$1" min_kb="${TRACEHUB_DISK_MIN_FREE_KB:-2097152}" min_percent="${TRACEHUB_DISK_MIN_FREE_PERCENT:-10}"
  local used avail mount percent
  read -r used avail mount < <(df -Pk -- "$dir" | awk 'NR == 2 { print $3, $4, $6 }')
  percent=$((avail * 100 / (used + avail > 0 ? used + avail : 1)))
  if ((avail < min_kb || percent < min_percent)); then
    alert disk-low "${dir} (file system ${mount}) has $((avail / 1024)) MB free (${percent} %)" \
      "limits: ${min_kb} KiB and ${min_percent} % free; free space before deploys, backups or PostgreSQL fail"
    return 1
  fi
  printf 'ok: %s (file system %s): %s MB free (%s %%)\n' "$dir" "$mount" "$((avail / 1024))" "$percent"
}

# check_wal: pg_wal grows when archiving fails or a replication slot is abandoned; it then fills the
# disk and stops PostgreSQL. Unreadable (not run as postgres): said, not alerted, not failed.
check_wal() {
  local data="${TRACEHUB_PG_DATA_DIR:-}" max_kb="${TRACEHUB_WAL_MAX_KB:-4194304}" size
  [[ -n "$data" ]] || return 0
  if [[ ! -r "${data}/pg_wal" || ! -x "${data}/pg_wal" ]]; then
    printf 'warning: cannot read %s/pg_wal as %s: WAL size not checked (run check-disk as postgres)\n' "$data" "$(id -un)" >&2
    return 0
  fi
  size="$(du -sk -- "${data}/pg_wal/" | cut -f1)"
  if ((size > max_kb)); then
    alert wal-large "pg_wal under ${data} holds $((size / 1024)) MB (limit $((max_kb / 1024)) MB)" \
      "WAL is kept when archiving fails or a replication slot is abandoned: check pg_stat_archiver and pg_replication_slots"
    return 1
  fi
  printf 'ok: %s/pg_wal holds %s MB (limit %s MB)\n' "$data" "$((size / 1024))" "$((max_kb / 1024))"
}

cmd_check_disk() {
  local dir mount failed=0
  local -A seen=()
  (($# == 0)) || die "check-disk takes no arguments after the environment" "configure TRACEHUB_DISK_CHECK_DIRS instead"
  local setting
  for setting in TRACEHUB_DISK_MIN_FREE_KB TRACEHUB_DISK_MIN_FREE_PERCENT TRACEHUB_WAL_MAX_KB; do
    [[ -z "${!setting:-}" || "${!setting}" =~ ^[0-9]+$ ]] || die "${setting} must be a whole number" "fix it in the configuration"
  done
  while IFS= read -r dir; do
    if [[ ! -d "$dir" ]]; then
      say "skip: ${dir} does not exist"
      continue
    fi
    mount="$(df -Pk -- "$dir" | awk 'NR == 2 { print $6 }')"
    [[ -z "${seen[$mount]:-}" ]] || continue
    seen[$mount]=1
    check_free_space "$dir" || failed=1
  done < <(disk_check_dirs)
  check_wal || failed=1
  return "$failed"
}
