#!/usr/bin/env bash
# Restore drill: restores the newest good backup (or the one given) into a scratch database, checks it
# against its manifest, records RPO and RTO, and drops the scratch database. Exit 1 on any mismatch.
#
#   ops/backup/restore-drill.sh [--keep] [environment] [backup-dir]
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail

# shellcheck source=restore.sh
source "$(dirname "${BASH_SOURCE[0]}")/restore.sh"
PROG=restore-drill

drill_usage() {
  cat <<'EOF'
Usage: ops/backup/restore-drill.sh [--keep] [environment] [backup-dir]

Restores the newest good backup under $TRACEHUB_BACKUP_DIR (or backup-dir) into a scratch database
tracehub_drill_<timestamp>, then checks: schema version, the row count of every table, RLS enabled and
forced on every table that had it, the number of policies, and referential invariants. Prints and
appends to drills.log (one JSON line) the RPO (age of the backup) and RTO (restore time). An
environment name loads /etc/tracehub/<environment>.conf first, as backup.sh does.

Options: --keep  keep the scratch database for inspection.
Environment: as for restore.sh; PGUSER must be a superuser or have BYPASSRLS (row counts).
TRACEHUB_DRILL_LOG (default $TRACEHUB_BACKUP_DIR/drills.log). A failed drill raises an alert, also sent
to TRACEHUB_ALERT_WEBHOOK(_FILE) when set (docs/operations/alerts.md).
EOF
}

# Tables whose rows must point at existing rows: "name|query returning the number of violations".
readonly INVARIANTS=(
  "membership user and organization exist|SELECT count(*) FROM membership m WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = m.user_id) OR NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = m.organization_id)"
  "invitation organization exists|SELECT count(*) FROM invitation i WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = i.organization_id)"
  "refresh token user and organization exist|SELECT count(*) FROM refresh_token r WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = r.user_id) OR NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = r.organization_id)"
  "every location's country exists|SELECT count(*) FROM location l WHERE NOT EXISTS (SELECT 1 FROM country c WHERE c.code = l.country_code)"
)

# Compares database $1 with manifest text $2. Prints "check|t-or-f|detail" lines.
compare_with_manifest() {
  db_psql -d "$1" -At -F '|' -v m="$2" <<'SQL'
WITH m AS (SELECT (:'m')::jsonb AS j),
expected AS (SELECT e.key AS t, e.value AS v FROM m, jsonb_each(m.j -> 'tables') e),
actual AS (
  SELECT c.relname AS t, c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls,
    (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
    (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint AS n
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')),
version AS (SELECT json_build_object('id', id, 'author', author, 'changesets', (SELECT count(*) FROM databasechangelog))::jsonb AS v
  FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1)
SELECT 'schema version', (SELECT v FROM version) = (SELECT j -> 'schema_version' FROM m),
  format('expected %s, restored %s', (SELECT j -> 'schema_version' FROM m), (SELECT v FROM version))
UNION ALL
SELECT 'rows ' || t, (e.v ->> 'rows')::bigint IS NOT DISTINCT FROM a.n,
  format('expected %s, restored %s', coalesce(e.v ->> 'rows', 'no table'), coalesce(a.n::text, 'no table'))
FROM expected e FULL JOIN actual a USING (t)
UNION ALL
SELECT 'row security ' || t, (e.v ->> 'rls')::boolean = a.rls AND (e.v ->> 'force_rls')::boolean = a.force_rls
    AND (e.v ->> 'policies')::bigint = a.policies,
  format('expected rls=%s force=%s policies=%s, restored rls=%s force=%s policies=%s',
    e.v ->> 'rls', e.v ->> 'force_rls', e.v ->> 'policies', a.rls, a.force_rls, a.policies)
FROM expected e JOIN actual a USING (t)
UNION ALL
SELECT 'rows total', true, (SELECT sum(n) FROM actual)::text;
SQL
}

# Runs the invariants in database $1. Prints "check|t-or-f|detail" lines.
check_invariants() {
  local db="$1" entry name query violations
  for entry in "${INVARIANTS[@]}"; do
    name="${entry%%|*}" query="${entry#*|}"
    if violations="$(db_psql -d "$db" -At -c "$query" 2>&1)" && [[ "$violations" == 0 ]]; then
      printf '%s|t|0 violations\n' "$name"
    else
      printf '%s|f|%s\n' "$name" "${violations//$'\n'/ }"
    fi
  done
}

# Appends one JSON line to the drill log $1 (append-only: never rewritten).
log_drill() {
  local log="$1" backup="$2" result="$3" rpo="$4" rto="$5" rows="$6" failed="$7"
  mkdir -p "$(dirname "$log")"
  printf '{"at":"%s","backup":"%s","result":"%s","rpo_seconds":%s,"rto_seconds":%s,"rows":%s,"failed_checks":%s}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$backup" "$result" "$rpo" "$rto" "${rows:-0}" "$failed" >>"$log"
}

DRILL_DB=""
DRILL_BACKUP=""
KEEP=false
# The EXIT trap of the drill: removes the scratch database and raises the alert of a failed drill,
# whichever way it failed (a failed check, no good backup, a dump that does not restore, a missing tool).
drill_exit() {
  local status=$? reason="${LAST_ERROR:-}"
  drop_scratch
  ((status == 0)) || alert drill-failed "restore drill failed${DRILL_BACKUP:+ for backup $DRILL_BACKUP}" \
    "${reason:-exit $status; the error is in the output above}"
}

drop_scratch() {
  [[ -z "${TMP:-}" ]] || rm -rf -- "$TMP"
  [[ -n "$DRILL_DB" && "$KEEP" != true ]] || return 0
  db_psql -d "${TRACEHUB_MAINTENANCE_DB:-postgres}" -c "DROP DATABASE IF EXISTS $(sql_ident "$DRILL_DB") WITH (FORCE)" >/dev/null 2>&1 ||
    err "could not drop scratch database $DRILL_DB; drop it by hand"
}

drill_main() {
  local dir="" root name rpo started rto results failed rows log result dump
  while (($# > 0)); do
    case "$1" in
      --keep) KEEP=true ;;
      -h | --help) drill_usage; return 0 ;;
      -*) die "unknown option: $1" "see --help" ;;
      *)
        if [[ -z "$dir" && ! -d "$1" ]] && is_environment_name "$1"; then
          load_environment "$1"
        else
          dir="$1"
        fi
        ;;
    esac
    shift
  done
  trap drill_exit EXIT
  require_tools pg_restore psql sha256sum
  load_secret_files
  root="$(backup_root)"
  log="${TRACEHUB_DRILL_LOG:-$root/drills.log}"
  if [[ -z "$dir" ]]; then
    name="$(newest_good_backup "$root")" || {
      log_drill "$log" none fail null null 0 1
      die "no good backup in $root" "run ops/backup/backup.sh, and check the backup job"
    }
    dir="$root/$name"
    DRILL_BACKUP="$name"
  else
    dir="$(resolve_backup_dir "$dir")"
    name="$(basename "$dir")"
    DRILL_BACKUP="$name"
    verify_backup "$dir" || { log_drill "$log" "$name" fail null null 0 1; die "backup $dir failed verification"; }
  fi
  rpo=$(($(date +%s) - $(backup_epoch "$name" || date +%s)))

  DRILL_DB="tracehub_drill_$(date -u +%Y%m%d%H%M%S)_$$"
  TMP="$(mktemp -d)"
  started="$(date +%s%N)"
  if ! dump="$(plain_backup_file "$dir" database.dump "$TMP")" ||
    ! (prepare_database "$DRILL_DB" false "" && restore_database "$dump" "$DRILL_DB" "" false); then
    log_drill "$log" "$name" fail "$rpo" null 0 1
    die "it did not restore (see above)"
  fi
  rto="$((($(date +%s%N) - started) / 1000000))"
  rto="$((rto / 1000)).$(printf '%03d' "$((rto % 1000))")"

  # A comparison that could not run is a failure, never an empty list of passed checks.
  if ! results="$(compare_with_manifest "$DRILL_DB" "$(cat "$dir/manifest.json")" 2>&1)" ||
    ! grep -q '^rows total|' <<<"$results"; then
    results="manifest comparison|f|could not query the restored database (PGUSER needs superuser or BYPASSRLS): ${results//$'\n'/ }"
  fi
  results+=$'\n'"$(check_invariants "$DRILL_DB")"
  printf '%s\n' "$results" | awk -F'|' '{ printf "  %-4s %-45s %s\n", ($2 == "t" ? "ok" : "FAIL"), $1, $3 }'
  failed="$(printf '%s\n' "$results" | awk -F'|' '$2 != "t"' | wc -l)"
  rows="$(printf '%s\n' "$results" | awk -F'|' '$1 == "rows total" { print $3 }')"
  result=pass
  ((failed == 0)) || result=fail
  log_drill "$log" "$name" "$result" "$rpo" "$rto" "$rows" "$failed"
  printf 'drill %s: backup %s, %s rows restored, RPO %ss, RTO %ss, %s failed checks%s\n' \
    "$result" "$name" "${rows:-0}" "$rpo" "$rto" "$failed" "$([[ "$KEEP" == true ]] && printf ', kept %s' "$DRILL_DB")"
  [[ "$result" == pass ]] || { err "$failed failed checks (see above)"; return 1; }
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  drill_main "$@"
fi
