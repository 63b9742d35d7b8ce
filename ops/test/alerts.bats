#!/usr/bin/env bats
# Tests of the alert helper (ops/deploy/alert.sh) and of `ops/tracehub alert | alert-test |
# check-disk`, against a local webhook receiver (alert-receiver.bash). The alert sites of deploy,
# rollback, backups and drills are tested in deploy.bats and backup.bats.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $output/$status/$stderr are set by bats' run
# shellcheck disable=SC2030,SC2031 # each test exports its own settings on purpose

bats_require_minimum_version 1.5.0

load alert-receiver

setup() {
  OPS="${BATS_TEST_DIRNAME}/.."
  W="${BATS_TEST_TMPDIR}/world"
  R="${BATS_TEST_TMPDIR}/received"
  mkdir -p "$W/state"
  export TRACEHUB_CONFIG="${W}/test.conf"
  printf 'TRACEHUB_STATE_DIR=%s\nTRACEHUB_BLUE_PORT=9001\nTRACEHUB_GREEN_PORT=9002\n' "${W}/state" >"$TRACEHUB_CONFIG"
  unset TRACEHUB_ALERT_WEBHOOK TRACEHUB_ALERT_WEBHOOK_FILE TRACEHUB_ALERT_WEBHOOK_SECRET TRACEHUB_ALERT_WEBHOOK_SECRET_FILE
  KEY="k3y-${RANDOM}-6666-with-a-quote\"-and-a-backslash\\"
}

teardown() {
  stop_alert_receiver
}

# A TCP port nothing listens on.
closed_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

@test "the webhook receives the alert as signed JSON; URL and key never reach the output" {
  start_alert_receiver "$R"
  # curl's command line (visible to every local user in ps) is recorded by a wrapper.
  mkdir -p "$W/bin"
  printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"%s/curl-argv"\nexec %s "$@"\n' "$W" "$(command -v curl)" >"$W/bin/curl"
  chmod +x "$W/bin/curl"
  PATH="$W/bin:$PATH"
  printf 'blue\n' >"$W/state/active"
  printf 'v41\n' >"$W/state/blue.release"
  TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" TRACEHUB_ALERT_WEBHOOK_SECRET="$KEY" \
    run --separate-stderr "$OPS/tracehub" alert test deploy-failed 'deploy of "v42" failed' $'at step smoke\nsee the log'
  [ "$status" -eq 0 ]
  [ "$stderr" = "ALERT: deploy of \"v42\" failed - at step smoke see the log" ]
  [ "$(received_count "$R")" = 1 ]
  [ "$(received_field "$R" 1 kind)" = deploy-failed ]
  [ "$(received_field "$R" 1 severity)" = warning ]
  [ "$(received_field "$R" 1 environment)" = test ]
  [ "$(received_field "$R" 1 summary)" = 'deploy of "v42" failed' ]
  [ "$(received_field "$R" 1 detail)" = 'at step smoke see the log' ]
  [ "$(received_field "$R" 1 release)" = v41 ]
  [ "$(received_field "$R" 1 host)" = "$(uname -n)" ]
  [[ "$(received_field "$R" 1 time)" =~ ^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$ ]]
  [[ "$(received_field "$R" 1 text)" == "TraceHub test deploy-failed: deploy of \"v42\" failed"* ]]
  [ "$(received_header "$R" 1 content-type)" = application/json ]
  # The signature is HMAC-SHA256 of the exact body under the key, as a receiver recomputes it.
  local expected
  expected="$(openssl dgst -sha256 -hmac "$KEY" "$R/request-1.body" | awk '{ print $NF }')"
  [ "$(received_header "$R" 1 x-tracehub-signature)" = "sha256=${expected}" ]
  # Neither the URL (its path is the secret of chat webhooks) nor the key is printed.
  [[ "$output$stderr" != *"T0KEN"* ]]
  [[ "$output$stderr" != *"$KEY"* ]]
  [ -s "$W/curl-argv" ]
  run ! grep -e T0KEN -e "sha256=" "$W/curl-argv"
  # The alert log has the same document, with the delivery outcome.
  [ "$(wc -l <"$W/state/alerts.log")" = 1 ]
  [ "$(node -e 'const o=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(o.kind, o.webhook)' "$W/state/alerts.log")" = "deploy-failed sent" ]
}

@test "the signature is absent without a key, and the helper's HMAC matches openssl for awkward keys" {
  start_alert_receiver "$R"
  TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" run "$OPS/tracehub" alert test backup-stale 'old backup'
  [ "$status" -eq 0 ]
  [ "$(received_header "$R" 1 x-tracehub-signature)" = "" ]
  [ "$(received_field "$R" 1 severity)" = critical ]
  # shellcheck source=../deploy/alert.sh
  source "$OPS/deploy/alert.sh"
  local key long
  long="$(printf 'x%.0s' {1..100})"
  for key in 6 "$KEY" "$long" 'ünïcödé'; do
    [ "$(_alert_hmac_sha256 "$key" '{"a":"b"}')" = "$(printf '%s' '{"a":"b"}' | openssl dgst -sha256 -hmac "$key" | awk '{ print $NF }')" ]
  done
}

@test "the _FILE variants read the webhook and its key from files" {
  start_alert_receiver "$R"
  printf '%s\n' "$ALERT_RECEIVER_URL" >"$W/webhook"
  printf '%s\n' "$KEY" >"$W/key"
  printf 'TRACEHUB_ALERT_WEBHOOK_FILE=%s\nTRACEHUB_ALERT_WEBHOOK_SECRET_FILE=%s\n' "$W/webhook" "$W/key" >>"$TRACEHUB_CONFIG"
  run --separate-stderr "$OPS/tracehub" alert test rollback 'rolled back'
  [ "$status" -eq 0 ]
  [ "$(received_field "$R" 1 kind)" = rollback ]
  [ "$(received_field "$R" 1 severity)" = notice ]
  [ "$(received_header "$R" 1 x-tracehub-signature)" = "sha256=$(openssl dgst -sha256 -hmac "$KEY" "$R/request-1.body" | awk '{ print $NF }')" ]
  [[ "$stderr" != *"T0KEN"* ]]
  # An unreadable file: a warning, nothing sent, and still no failure.
  TRACEHUB_ALERT_WEBHOOK_FILE="$W/absent" run --separate-stderr "$OPS/tracehub" alert test rollback 'rolled back'
  [ "$status" -eq 0 ]
  [[ "$stderr" == *"warning: cannot read TRACEHUB_ALERT_WEBHOOK_FILE"* ]]
  [ "$(received_count "$R")" = 1 ]
}

@test "a webhook that is down gives a warning and never changes the exit status" {
  local url
  url="http://127.0.0.1:$(closed_port)/hooks/T0KEN-down"
  TRACEHUB_ALERT_WEBHOOK="$url" run --separate-stderr "$OPS/tracehub" alert test deploy-failed 'it failed'
  [ "$status" -eq 0 ]
  [[ "$stderr" == *"ALERT: it failed"* ]]
  [[ "$stderr" == *"warning: the alert webhook did not accept the alert (curl exit 7, HTTP 000)"* ]]
  [[ "$stderr" != *"T0KEN"* ]]
  grep -q '"webhook":"failed"' "$W/state/alerts.log"
  # A failing operation keeps its own exit status (the stale check: 1).
  TRACEHUB_BACKUP_DIR="$W/no-backups" TRACEHUB_ALERT_WEBHOOK="$url" run --separate-stderr "$OPS/backup/backup.sh" --check-stale
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"ALERT: no good backup"* ]]
  [[ "$stderr" == *"warning: the alert webhook did not accept"* ]]
}

@test "a webhook answering 500 is tried twice, then warned about" {
  start_alert_receiver "$R" 500
  TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" run --separate-stderr "$OPS/tracehub" alert test disk-low 'disk full'
  [ "$status" -eq 0 ]
  [ "$(received_count "$R")" = 2 ]
  [[ "$stderr" == *"(curl exit 22, HTTP 500)"* ]]
}

@test "a webhook that never answers costs at most the timeout per attempt" {
  start_alert_receiver "$R" 200 hang
  local started=$SECONDS
  TRACEHUB_ALERT_TIMEOUT=1 TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" run --separate-stderr "$OPS/tracehub" alert test disk-low 'disk full'
  [ "$status" -eq 0 ]
  ((SECONDS - started <= 6))
  [[ "$stderr" == *"curl exit 28"* ]]
}

@test "alert-test sends a test alert and fails when it cannot" {
  start_alert_receiver "$R"
  TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" run --separate-stderr "$OPS/tracehub" alert-test test
  [ "$status" -eq 0 ]
  [ "$(received_field "$R" 1 kind)" = test ]
  [[ "$stderr" == *"the webhook accepted the test alert"* ]]
  run --separate-stderr "$OPS/tracehub" alert-test test
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"no webhook configured"* ]]
  TRACEHUB_ALERT_WEBHOOK="http://127.0.0.1:$(closed_port)/x" run --separate-stderr "$OPS/tracehub" alert-test test
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"the webhook did not accept the test alert"* ]]
  run "$OPS/tracehub" --help
  [[ "$output" == *"  alert-test <env>"* ]]
  [[ "$output" == *"TRACEHUB_ALERT_WEBHOOK(_FILE)"* ]]
  [[ "$output" == *"TRACEHUB_ALERT_WEBHOOK_SECRET(_FILE)"* ]]
}

@test "the alert command refuses a bad kind and a missing summary" {
  run --separate-stderr "$OPS/tracehub" alert test 'Bad Kind' x
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"bad alert kind"* ]]
  run --separate-stderr "$OPS/tracehub" alert test deploy-failed
  [ "$status" -ne 0 ]
}

@test "check-disk alerts when free space is under the limit and is quiet above it" {
  start_alert_receiver "$R"
  export TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" TRACEHUB_DISK_CHECK_DIRS="$W/state:$W:$W/missing"
  TRACEHUB_DISK_MIN_FREE_KB=999999999999 run --separate-stderr "$OPS/tracehub" check-disk test
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"ALERT: $W/state (file system "*") has "*" MB free"* ]]
  [[ "$stderr" == *"skip: $W/missing does not exist"* ]]
  # One alert per file system, not per directory on it.
  [ "$(received_kinds "$R")" = disk-low ]
  TRACEHUB_DISK_MIN_FREE_KB=0 TRACEHUB_DISK_MIN_FREE_PERCENT=101 run --separate-stderr "$OPS/tracehub" check-disk test
  [ "$status" -eq 1 ]
  TRACEHUB_DISK_MIN_FREE_KB=0 TRACEHUB_DISK_MIN_FREE_PERCENT=0 run --separate-stderr "$OPS/tracehub" check-disk test
  [ "$status" -eq 0 ]
  [[ "$output" == "ok: $W/state (file system "*"): "*" MB free ("*" %)" ]]
  [[ "$stderr" != *ALERT* ]]
  [ "$(received_count "$R")" = 2 ]
  TRACEHUB_DISK_MIN_FREE_KB=lots run --separate-stderr "$OPS/tracehub" check-disk test
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"TRACEHUB_DISK_MIN_FREE_KB must be a whole number"* ]]
}

@test "check-disk alerts when pg_wal outgrows its limit" {
  start_alert_receiver "$R"
  mkdir -p "$W/pgdata/pg_wal"
  head -c 3000000 /dev/zero >"$W/pgdata/pg_wal/000000010000000000000001"
  export TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL" TRACEHUB_PG_DATA_DIR="$W/pgdata"
  export TRACEHUB_DISK_MIN_FREE_KB=0 TRACEHUB_DISK_MIN_FREE_PERCENT=0
  TRACEHUB_WAL_MAX_KB=1024 run --separate-stderr "$OPS/tracehub" check-disk test
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"ALERT: pg_wal under $W/pgdata holds 2 MB (limit 1 MB)"* ]]
  [ "$(received_kinds "$R")" = wal-large ]
  TRACEHUB_WAL_MAX_KB=8192 run "$OPS/tracehub" check-disk test
  [ "$status" -eq 0 ]
  [[ "$output" == *"ok: $W/pgdata/pg_wal holds 2 MB (limit 8 MB)"* ]]
}

@test "the production workflow alerts through the repository's tool, not inline curl" {
  local file="${BATS_TEST_DIRNAME}/../../.github/workflows/deploy-production.yml"
  grep -qF 'ops/tracehub alert production deploy-failed' "$file"
  run ! grep -q 'curl.*WEBHOOK' "$file"
}

@test "the Prometheus rules are clean YAML and pass promtool's checks and unit tests" {
  local root="${BATS_TEST_DIRNAME}/../.."
  command -v yamllint >/dev/null || skip "yamllint is not installed"
  run yamllint -s -c "$root/.yamllint.yml" "$root/ops/monitoring"
  echo "$output"
  [ "$status" -eq 0 ]
  # promtool is in Debian's prometheus package; PROMTOOL may name one unpacked elsewhere.
  local promtool="${PROMTOOL:-$(command -v promtool || true)}"
  [[ -n "$promtool" ]] || skip "promtool not installed (Debian package prometheus): rules syntax and unit tests not run"
  run "$promtool" check rules "$root/ops/monitoring/alert-rules.yml"
  echo "$output"
  [ "$status" -eq 0 ]
  run "$promtool" test rules "$root/ops/monitoring/alert-rules.test.yml"
  echo "$output"
  [ "$status" -eq 0 ]
}
