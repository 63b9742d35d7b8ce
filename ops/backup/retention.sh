#!/usr/bin/env bash
# Prunes old backups: keeps the newest backup of each of the last N days, weeks and months that have
# backups (count-based, so a stopped backup job never makes retention delete everything), and always
# the newest good (verified) backup. Prunes nothing when there is no good backup at all.
#
#   ops/backup/retention.sh [environment] [--dry-run]
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail

PROG=retention
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: ops/backup/retention.sh [environment] [--dry-run]

Deletes the backups under $TRACEHUB_BACKUP_DIR that no rule keeps, and unfinished work directories
older than a day. --dry-run prints "keep"/"prune" for each backup and deletes nothing. An
environment name loads its configuration as backup.sh does.

Environment (defaults: 30 daily, weekly for 3 months, monthly for a year):
  TRACEHUB_BACKUP_KEEP_DAILY=30  TRACEHUB_BACKUP_KEEP_WEEKLY=13  TRACEHUB_BACKUP_KEEP_MONTHLY=12
EOF
}

# Reads backup names (any order) on stdin; prints the ones kept by the daily, weekly and monthly
# rules ($1 $2 $3 periods), each with its reasons: "<name> daily,weekly".
select_kept() {
  local daily="$1" weekly="$2" monthly="$3" name week reasons
  local -A seen_day=() seen_week=() seen_month=()
  local days=0 weeks=0 months=0
  local -a names weeks_of
  mapfile -t names < <(sort -r)
  ((${#names[@]} > 0)) || return 0
  # ISO weeks (2026-W48) of all names with a single date(1) call.
  mapfile -t weeks_of < <(printf '%s\n' "${names[@]}" | sed -E 's/^(....)(..)(..).*/\1-\2-\3/' | date -u -f - +%G-W%V)
  local i
  for ((i = 0; i < ${#names[@]}; i++)); do
    name="${names[i]}" week="${weeks_of[i]}"
    reasons=""
    if ((days < daily)) && [[ -z "${seen_day[${name:0:8}]:-}" ]]; then
      seen_day[${name:0:8}]=1 days=$((days + 1)) reasons+=daily,
    fi
    if ((weeks < weekly)) && [[ -z "${seen_week[$week]:-}" ]]; then
      seen_week[$week]=1 weeks=$((weeks + 1)) reasons+=weekly,
    fi
    if ((months < monthly)) && [[ -z "${seen_month[${name:0:6}]:-}" ]]; then
      seen_month[${name:0:6}]=1 months=$((months + 1)) reasons+=monthly,
    fi
    [[ -z "$reasons" ]] || printf '%s %s\n' "$name" "${reasons%,}"
  done
}

# Prints "keep <name> <reasons>" or "prune <name>" for every backup under root $1, newest first.
plan() {
  local root="$1" daily="$2" weekly="$3" monthly="$4" newest name reasons
  local -A kept=()
  newest="$(newest_good_backup "$root")" || die "no good backup in $root: pruning nothing" "run ops/backup/backup.sh and check why backups fail verification"
  while read -r name reasons; do
    kept[$name]="$reasons"
  done < <(list_backups "$root" | select_kept "$daily" "$weekly" "$monthly")
  kept[$newest]="${kept[$newest]:+${kept[$newest]},}newest-good"
  while IFS= read -r name; do
    if [[ -n "${kept[$name]:-}" ]]; then
      printf 'keep %s %s\n' "$name" "${kept[$name]}"
    else
      printf 'prune %s\n' "$name"
    fi
  done < <(list_backups "$root" | sort -r)
}

number_or_die() {
  [[ "$2" =~ ^[0-9]+$ ]] || die "$1 must be a whole number, not '$2'"
  printf '%s\n' "$2"
}

main() {
  local dry_run=false root daily weekly monthly action name pruned=0 kept=0
  while (($# > 0)); do
    case "$1" in
      --dry-run | -n) dry_run=true ;;
      -h | --help) usage; return 0 ;;
      -*) die "unknown option: $1" "see --help" ;;
      *) load_environment "$1" ;;
    esac
    shift
  done
  root="$(backup_root)"
  [[ -d "$root" ]] || die "backup root $root does not exist" "set TRACEHUB_BACKUP_DIR"
  daily="$(number_or_die TRACEHUB_BACKUP_KEEP_DAILY "${TRACEHUB_BACKUP_KEEP_DAILY:-30}")"
  weekly="$(number_or_die TRACEHUB_BACKUP_KEEP_WEEKLY "${TRACEHUB_BACKUP_KEEP_WEEKLY:-13}")"
  monthly="$(number_or_die TRACEHUB_BACKUP_KEEP_MONTHLY "${TRACEHUB_BACKUP_KEEP_MONTHLY:-12}")"
  local plan_lines
  plan_lines="$(plan "$root" "$daily" "$weekly" "$monthly")"
  while read -r action name _; do
    if [[ "$action" == keep ]]; then
      kept=$((kept + 1))
    elif [[ "$dry_run" == true ]]; then
      pruned=$((pruned + 1))
    else
      rm -rf -- "${root:?}/$name" && pruned=$((pruned + 1))
    fi
  done <<<"$plan_lines"
  [[ "$dry_run" != true ]] || printf '%s\n' "$plan_lines"
  if [[ "$dry_run" != true ]]; then
    # Work directories of backups that crashed more than a day ago.
    find "$root" -mindepth 1 -maxdepth 1 -type d -name '.incomplete-*' -mmin +1440 -exec rm -rf -- {} +
  fi
  printf 'retention%s: kept %s, %s %s\n' "$([[ "$dry_run" == true ]] && printf ' (dry run)')" "$kept" \
    "$([[ "$dry_run" == true ]] && printf 'would prune' || printf 'pruned')" "$pruned"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
