#!/usr/bin/env bats
# Tests ops/backup/* against a real, throw-away PostgreSQL 15 cluster that holds the TraceHub schema
# and demo data, put there by running the packaged application once. The cluster lives in a temporary
# directory, listens on a free loopback port with trust authentication, and is removed afterwards.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $output/$status/$stderr are set by bats' run

bats_require_minimum_version 1.5.0

load alert-receiver
load ports

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
OPS="${BATS_TEST_DIRNAME}/.."
REPO="${BATS_TEST_DIRNAME}/../.."

# ---------------------------------------------------------------------------------------- fixtures

# Runs a command as the postgres system user when we are root (PostgreSQL refuses to run as root).
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

random_secret() { head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-40}"; }

start_cluster() {
  FIXTURE="$(mktemp -d)"
  export FIXTURE
  chmod 755 "$FIXTURE"
  mkdir -p "$FIXTURE/pg" "$FIXTURE/sock"
  [[ "$(id -u)" -ne 0 ]] || chown postgres: "$FIXTURE/pg" "$FIXTURE/sock"
  PG_PORT="$(free_port)"
  as_pg "$PG_BIN/initdb" -D "$FIXTURE/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$FIXTURE/pg/data" -l "$FIXTURE/pg/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $FIXTURE/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}

stop_cluster() {
  [[ -n "${FIXTURE:-}" && -d "$FIXTURE" ]] || return 0
  if [[ -f "$FIXTURE/app.pid" ]]; then kill "$(cat "$FIXTURE/app.pid")" 2>/dev/null || true; fi
  if [[ -f "$FIXTURE/pg/data/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$FIXTURE/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$FIXTURE"
}

# The packaged jar, copied so that a concurrent rebuild cannot change it under us.
copy_jar() {
  if [[ ! -f "$REPO/backend/target/tracehub.jar" ]]; then
    echo "# backend/target/tracehub.jar missing: building it (about 2 minutes)" >&3
    (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl web,backend) >&3
  fi
  cp "$REPO/backend/target/tracehub.jar" "$FIXTURE/tracehub.jar"
}

# Runs the application once against the cluster: Liquibase creates the schema, demo data is loaded.
load_tracehub() {
  local owner_pw app_port demo_pw code="" i
  owner_pw="$(random_secret)" demo_pw="$(random_secret 20)" app_port="$(free_port)"
  psql_su -d postgres -c "CREATE ROLE tracehub_owner LOGIN CREATEROLE PASSWORD '$owner_pw'" \
    -c "CREATE DATABASE tracehub OWNER tracehub_owner" \
    -c "CREATE ROLE tracehub_backup LOGIN BYPASSRLS IN ROLE pg_read_all_data" >/dev/null
  copy_jar
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tracehub" \
    SPRING_DATASOURCE_USERNAME=tracehub_app SPRING_DATASOURCE_PASSWORD="$(random_secret)" \
    SPRING_LIQUIBASE_USER=tracehub_owner SPRING_LIQUIBASE_PASSWORD="$owner_pw" \
    TRACEHUB_SECURITY_JWT_SECRET="$(random_secret 48)" TRACEHUB_DEMO_ENABLED=true \
    TRACEHUB_DEMO_PASSWORD="$demo_pw" SERVER_PORT="$app_port" \
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$FIXTURE/tracehub.jar" >"$FIXTURE/app.log" 2>&1 &
  APP_PID=$!
  printf '%s\n' "$APP_PID" >"$FIXTURE/app.pid"
  for ((i = 0; i < 240; i++)); do
    code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$app_port/actuator/health/readiness" || true)"
    [[ "$code" == 200 ]] && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  if [[ "$code" != 200 ]]; then
    echo "# the application did not become ready (readiness answered ${code:-nothing}); its log ends:" >&3
    tail -n 5 "$FIXTURE/app.log" | cut -c 1-300 | sed 's/^/#   /' >&3
    kill "$APP_PID" 2>/dev/null || true
    return 1
  fi
  # Demo users are created as the application starts: wait for a demo login to succeed too.
  for ((i = 0; i < 60; i++)); do
    code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"email\":\"viewer@ogunvalley.example\",\"password\":\"$demo_pw\"}" \
      "http://127.0.0.1:$app_port/api/auth/login" || true)"
    [[ "$code" == 200 ]] && break
    sleep 1
  done
  kill "$APP_PID"
  wait "$APP_PID" || true
  rm -f "$FIXTURE/app.pid"
  [[ "$code" == 200 ]] || { echo "# demo login answered $code" >&3; return 1; }
}

# A small document store: nested directories, a name with a space.
make_storage() {
  mkdir -p "$FIXTURE/storage/org-1/shipment 7"
  printf 'bill of lading\n' >"$FIXTURE/storage/org-1/shipment 7/bl.pdf"
  printf 'phytosanitary\n' >"$FIXTURE/storage/org-1/phyto.pdf"
  head -c 20000 /dev/urandom >"$FIXTURE/storage/org-1/scan.bin"
}

setup_file() {
  [[ -x "$PG_BIN/initdb" ]] || skip "PostgreSQL 15 server not installed (apt-get install postgresql)"
  local started
  started="$(date +%s)"
  if ! start_cluster || ! load_tracehub; then
    stop_cluster
    return 1
  fi
  export PG_PORT
  make_storage
  echo "# fixture: PostgreSQL 15 on port $PG_PORT with the TraceHub schema + demo data in $(($(date +%s) - started))s" >&3
}

teardown_file() {
  stop_cluster
}

setup() {
  export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGDATABASE=tracehub PGUSER=tracehub_backup
  export TRACEHUB_BACKUP_DIR="$BATS_TEST_TMPDIR/backups" TRACEHUB_STORAGE_DIR="$FIXTURE/storage"
  unset TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE PGPASSWORD PGPASSWORD_FILE TRACEHUB_ALERT_WEBHOOK TRACEHUB_ALERT_WEBHOOK_FILE
}

teardown() {
  stop_alert_receiver
}

psql_su() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

# "table rows" lines for every table of database $1, counted as the superuser (no RLS filtering).
row_counts() {
  psql_su -d "$1" -At -F ' ' <<'SQL'
SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text
FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1;
SQL
}

# Runs backup.sh and sets BACKUP to the new backup directory.
take_backup() {
  run --separate-stderr "$OPS/backup/backup.sh"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  BACKUP="$(find "$TRACEHUB_BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '2*' | sort | tail -n 1)"
  [ -n "$BACKUP" ]
}

# Value of key path $2 ("tables,membership,rows") in the manifest of backup $1, read with PostgreSQL.
manifest_get() {
  psql_su -d postgres -At -v m="$(cat "$1/manifest.json")" <<<"SELECT (:'m')::jsonb #>> '{$2}';"
}

drop_db() { psql_su -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null; }

# ------------------------------------------------------------------------------- backup + manifest

@test "backup writes a dump, the document store and a manifest that verify" {
  local started
  started="$(date +%s%N)"
  take_backup
  local ms=$((($(date +%s%N) - started) / 1000000))
  [[ "$(basename "$BACKUP")" =~ ^[0-9]{8}T[0-9]{6}Z$ ]]
  [ "$(stat -c %a "$BACKUP")" = 700 ]
  (cd "$BACKUP" && sha256sum --quiet -c SHA256SUMS)
  [ -z "$(find "$TRACEHUB_BACKUP_DIR" -maxdepth 1 -name '.incomplete-*')" ]
  # The manifest names the schema version and the exact row count of every table.
  [ "$(manifest_get "$BACKUP" schema_version,id)" = "$(psql_su -At -c 'SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1')" ]
  [ "$(manifest_get "$BACKUP" schema_version,changesets)" = "$(psql_su -At -c 'SELECT count(*) FROM databasechangelog')" ]
  [ "$(manifest_get "$BACKUP" database)" = tracehub ]
  [[ "$(manifest_get "$BACKUP" server_version)" == 15.* ]]
  [ "$(manifest_get "$BACKUP" storage,files)" = 3 ]
  diff <(row_counts tracehub) <(psql_su -d postgres -At -F ' ' -v m="$(cat "$BACKUP/manifest.json")" \
    <<<"SELECT key, value ->> 'rows' FROM jsonb_each((:'m')::jsonb -> 'tables') ORDER BY 1;")
  [ "$(manifest_get "$BACKUP" tables,membership,force_rls)" = true ]
  [ "$(manifest_get "$BACKUP" files,0,sha256)" = "$(sha256sum "$BACKUP/database.dump" | cut -d' ' -f1)" ]
  [ "$(manifest_get "$BACKUP" files,0,bytes)" = "$(stat -c %s "$BACKUP/database.dump")" ]
  echo "# backup: $(du -sb "$BACKUP" | cut -f1) bytes (dump $(stat -c %s "$BACKUP/database.dump") bytes) in ${ms} ms" >&3
}

@test "a backup taken while the database is being written matches its manifest exactly" {
  psql_su -c "CREATE TABLE backup_test_writes (id bigserial PRIMARY KEY)" >/dev/null
  # A writer committing 300 single-row transactions while the backup runs.
  psql_su -c "DO \$\$ BEGIN FOR i IN 1..300 LOOP INSERT INTO backup_test_writes DEFAULT VALUES; COMMIT; PERFORM pg_sleep(0.005); END LOOP; END \$\$" &
  local writer=$!
  sleep 0.3
  take_backup
  wait "$writer"
  PGUSER=postgres run "$OPS/backup/restore-drill.sh" "$BACKUP"
  psql_su -c "DROP TABLE backup_test_writes" >/dev/null
  [ "$status" -eq 0 ]
  [[ "$output" == *"ok   rows backup_test_writes"* ]]
  echo "# concurrent writes: the backup holds $(manifest_get "$BACKUP" tables,backup_test_writes,rows) of 300 rows being written; dump and manifest agree" >&3
}

@test "a backup as the table owner fails loudly (FORCE RLS) and leaves nothing behind" {
  # Row-level security with FORCE applies to the owner: pg_dump refuses rather than dump partial data.
  PGUSER=tracehub_owner run --separate-stderr "$OPS/backup/backup.sh"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"row-level security"* ]]
  [[ "$stderr" == *"BYPASSRLS"* ]]
  [ -z "$(find "$TRACEHUB_BACKUP_DIR" -mindepth 1 -maxdepth 1)" ]
  # ...while asking pg_dump to honour RLS as the owner silently drops every tenant row: never do that.
  PGUSER=tracehub_owner pg_dump --enable-row-security -Fc -f "$BATS_TEST_TMPDIR/owner.dump"
  [ "$(pg_restore -f - -a -t membership "$BATS_TEST_TMPDIR/owner.dump" | grep -c '^[0-9a-f]\{8\}-')" -eq 0 ]
  [ "$(psql_su -At -c 'SELECT count(*) FROM membership')" -gt 0 ]
}

@test "a failing backup exits non-zero with a hint and leaves no half backup" {
  PGDATABASE=no_such_db run --separate-stderr "$OPS/backup/backup.sh"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"fix:"* ]]
  [ -z "$(find "$TRACEHUB_BACKUP_DIR" -mindepth 1 -maxdepth 1)" ]
}

@test "a missing document store is recorded as empty" {
  TRACEHUB_STORAGE_DIR="$BATS_TEST_TMPDIR/none" take_backup
  [ "$(manifest_get "$BACKUP" storage,files)" = 0 ]
  [ -z "$(tar -tf "$BACKUP/storage.tar")" ]
}

@test "the password comes from PGPASSWORD_FILE and is never printed" {
  printf 's3cret-pw\n' >"$BATS_TEST_TMPDIR/pw"
  PGPASSWORD_FILE="$BATS_TEST_TMPDIR/pw" run "$OPS/backup/backup.sh"
  [ "$status" -eq 0 ]
  [[ "$output" != *s3cret-pw* ]]
  run ! grep -rq s3cret-pw "$TRACEHUB_BACKUP_DIR"
}

# ----------------------------------------------------------------------------------------- restore

@test "restore refuses a backup whose dump was tampered with" {
  take_backup
  printf 'x' >>"$BACKUP/database.dump"
  run --separate-stderr "$OPS/backup/restore.sh" --yes "$BACKUP" tampered_db
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"failed verification"* ]]
  [ "$(psql_su -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname = 'tampered_db'")" = 0 ]
}

@test "restore refuses a backup whose manifest was edited" {
  take_backup
  sed -i 's/"rows": 9/"rows": 8/' "$BACKUP/manifest.json"
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore.sh" --yes "$BACKUP" edited_db
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"checksum mismatch"* ]]
}

@test "restore into a new database gives the source's row count in every table, RLS still forced" {
  take_backup
  local started
  started="$(date +%s%N)"
  PGUSER=postgres run "$OPS/backup/restore.sh" --yes --storage-dir "$BATS_TEST_TMPDIR/storage" "$BACKUP" restored_db
  local ms=$((($(date +%s%N) - started) / 1000000))
  [ "$status" -eq 0 ]
  # Counted directly in both databases as the superuser: the dump hid no row behind RLS.
  diff <(row_counts tracehub) <(row_counts restored_db)
  # The same tables are under forced RLS as in the source (and there are some).
  local forced="SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relrowsecurity AND relforcerowsecurity"
  [ -n "$(psql_su -d tracehub -At -c "$forced")" ]
  [ "$(psql_su -d restored_db -At -c "$forced")" = "$(psql_su -d tracehub -At -c "$forced")" ]
  # The application role keeps its grants (ACLs restored), so the app can run on the restored database.
  [ "$(psql_su -d restored_db -At -c "SELECT has_table_privilege('tracehub_app', 'membership', 'SELECT')")" = t ]
  diff -r "$FIXTURE/storage" "$BATS_TEST_TMPDIR/storage"
  echo "# restore: $(row_counts restored_db | awk '{ s += $2 } END { print s }') rows in $(row_counts restored_db | wc -l) tables, documents identical, in ${ms} ms" >&3
  drop_db restored_db
}

@test "restore --owner gives the database and its objects to that role, with FORCE RLS kept" {
  take_backup
  PGUSER=postgres run "$OPS/backup/restore.sh" --yes --owner tracehub_owner "$BACKUP" owned_db
  [ "$status" -eq 0 ]
  [ "$(psql_su -d owned_db -At -c "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")" = tracehub_owner ]
  [ "$(psql_su -d postgres -At -c "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'owned_db'")" = tracehub_owner ]
  diff <(row_counts tracehub) <(row_counts owned_db)
  # As the owner (FORCE RLS) without a tenant scope, the tenant tables show nothing: RLS is back on.
  [ "$(psql -X -At -h 127.0.0.1 -p "$PG_PORT" -U tracehub_owner -d owned_db -c 'SELECT count(*) FROM membership')" = 0 ]
  drop_db owned_db
}

@test "restore asks for the database name and refuses a wrong answer" {
  take_backup
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore.sh" "$BACKUP" confirm_db <<<"tracehub"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"confirmation did not match"* ]]
  [ "$(psql_su -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname = 'confirm_db'")" = 0 ]
  PGUSER=postgres run "$OPS/backup/restore.sh" "$BACKUP" confirm_db <<<"confirm_db"
  [ "$status" -eq 0 ]
  drop_db confirm_db
}

@test "restore refuses to overwrite a non-empty database unless --force" {
  take_backup
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore.sh" --yes "$BACKUP" tracehub
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"exists and is not empty"* ]]
  psql_su -d postgres -c "CREATE DATABASE force_db" >/dev/null
  psql_su -d force_db -c "CREATE TABLE precious (id int)" >/dev/null
  PGUSER=postgres run "$OPS/backup/restore.sh" --yes "$BACKUP" force_db
  [ "$status" -ne 0 ]
  PGUSER=postgres run "$OPS/backup/restore.sh" --yes --force "$BACKUP" force_db
  [ "$status" -eq 0 ]
  [ "$(psql_su -d force_db -At -c "SELECT to_regclass('precious') IS NULL")" = t ]
  drop_db force_db
}

# ------------------------------------------------------------------------------------- encryption

@test "an encrypted backup round-trips, and needs the right key" {
  openssl rand -base64 48 >"$BATS_TEST_TMPDIR/key"
  TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE="$BATS_TEST_TMPDIR/key" take_backup
  [ -f "$BACKUP/database.dump.enc" ] && [ -f "$BACKUP/storage.tar.enc" ]
  [ ! -e "$BACKUP/database.dump" ] && [ ! -e "$BACKUP/storage.tar" ]
  [ "$(manifest_get "$BACKUP" encryption)" = openssl-aes-256-cbc-pbkdf2 ]
  run ! pg_restore -l "$BACKUP/database.dump.enc"
  [ "$(head -c 8 "$BACKUP/database.dump.enc")" = Salted__ ] # openssl's header, not pg_dump's PGDMP
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore.sh" --yes "$BACKUP" enc_db
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE"* ]]
  openssl rand -base64 48 >"$BATS_TEST_TMPDIR/wrong"
  PGUSER=postgres TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE="$BATS_TEST_TMPDIR/wrong" run "$OPS/backup/restore.sh" --yes "$BACKUP" enc_db
  [ "$status" -ne 0 ]
  PGUSER=postgres TRACEHUB_BACKUP_ENCRYPTION_KEY_FILE="$BATS_TEST_TMPDIR/key" \
    run "$OPS/backup/restore.sh" --yes --storage-dir "$BATS_TEST_TMPDIR/docs" "$BACKUP" enc_db
  [ "$status" -eq 0 ]
  diff <(row_counts tracehub) <(row_counts enc_db)
  diff -r "$FIXTURE/storage" "$BATS_TEST_TMPDIR/docs"
  drop_db enc_db
}

# ------------------------------------------------------------------------------------ restore drill

@test "the restore drill restores the newest good backup, checks it and records RPO and RTO" {
  take_backup
  local first="$BACKUP"
  sleep 1
  take_backup
  printf 'x' >>"$BACKUP/storage.tar" # the newest is damaged: the drill must fall back to the first
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore-drill.sh"
  [ "$status" -eq 0 ]
  [[ "$output" == *"drill pass: backup $(basename "$first")"* ]]
  [[ "$output" == *"ok   rows membership"* ]]
  [[ "$output" == *"ok   row security membership"* ]]
  [[ "$output" == *"ok   schema version"* ]]
  [[ "$output" == *"RPO "*"s, RTO "*"s"* ]]
  [[ "$stderr" == *"skipping $(basename "$BACKUP")"* ]]
  local log="$TRACEHUB_BACKUP_DIR/drills.log"
  [ "$(wc -l <"$log")" = 1 ]
  grep -q "\"backup\":\"$(basename "$first")\",\"result\":\"pass\"" "$log"
  # The scratch database is gone.
  [ "$(psql_su -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'tracehub_drill_%'")" = 0 ]
  echo "# drill: ${output##*drill pass: }" >&3
  echo "# drills.log: $(tail -n 1 "$log")" >&3
}

@test "the restore drill fails on a backup whose content disagrees with its manifest" {
  take_backup
  # A consistent-looking but wrong backup: a row count edited and the checksums recomputed.
  sed -i '/"membership"/,/}/ s/"rows": [0-9]*/"rows": 999/' "$BACKUP/manifest.json"
  (cd "$BACKUP" && sha256sum database.dump storage.tar manifest.json >SHA256SUMS)
  alerts_to_receiver
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore-drill.sh" "$BACKUP"
  [ "$status" -ne 0 ]
  [[ "$output" == *"FAIL rows membership"*"expected 999"* ]]
  [[ "$stderr" == *"ALERT: restore drill failed for backup $(basename "$BACKUP") - 1 failed checks"* ]]
  [ "$(received_kinds "$R")" = drill-failed ]
  grep -q '"result":"fail"' "$TRACEHUB_BACKUP_DIR/drills.log"
  [ "$(psql_su -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'tracehub_drill_%'")" = 0 ]
}

@test "the restore drill fails on a consistently checksummed dump that does not restore" {
  take_backup
  local old new
  old="$(sha256sum "$BACKUP/database.dump" | cut -d' ' -f1)"
  head -c 20000 "$BACKUP/database.dump" >"$BATS_TEST_TMPDIR/cut" && mv "$BATS_TEST_TMPDIR/cut" "$BACKUP/database.dump"
  new="$(sha256sum "$BACKUP/database.dump" | cut -d' ' -f1)"
  sed -i "s/$old/$new/" "$BACKUP/manifest.json"
  (cd "$BACKUP" && sha256sum database.dump storage.tar manifest.json >SHA256SUMS)
  alerts_to_receiver
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore-drill.sh" "$BACKUP"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"ALERT: restore drill failed"*"did not restore"* ]]
  [ "$(received_kinds "$R")" = drill-failed ]
  grep -q '"result":"fail"' "$TRACEHUB_BACKUP_DIR/drills.log"
  [ "$(psql_su -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'tracehub_drill_%'")" = 0 ]
}

@test "the restore drill fails on a tampered backup and when there is no good backup" {
  take_backup
  printf 'x' >>"$BACKUP/database.dump"
  alerts_to_receiver
  PGUSER=postgres run "$OPS/backup/restore-drill.sh" "$BACKUP"
  [ "$status" -ne 0 ]
  PGUSER=postgres run --separate-stderr "$OPS/backup/restore-drill.sh"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"ALERT: restore drill failed - no good backup"* ]]
  [ "$(received_kinds "$R" | tr '\n' ' ')" = "drill-failed drill-failed " ]
  [ "$(grep -c '"result":"fail"' "$TRACEHUB_BACKUP_DIR/drills.log")" = 2 ]
}

@test "the restore drill fails when a restored table lost its forced row-level security" {
  take_backup
  sed -i '/"country"/,/}/ s/"force_rls": false/"force_rls": true/' "$BACKUP/manifest.json"
  (cd "$BACKUP" && sha256sum database.dump storage.tar manifest.json >SHA256SUMS)
  PGUSER=postgres run "$OPS/backup/restore-drill.sh" "$BACKUP"
  [ "$status" -ne 0 ]
  [[ "$output" == *"FAIL row security country"* ]]
}

@test "the restore drill fails, not passes, when row-level security hides rows from its role" {
  take_backup
  # Can create and own the scratch database, but FORCE RLS applies to it as the owner.
  psql_su -d postgres -c "DROP ROLE IF EXISTS drill_no_bypass" -c "CREATE ROLE drill_no_bypass LOGIN CREATEDB" >/dev/null
  PGUSER=drill_no_bypass run "$OPS/backup/restore-drill.sh" "$BACKUP"
  [ "$status" -ne 0 ]
  [[ "$output" == *"FAIL manifest comparison"*"row-level security"* ]]
  [ "$(psql_su -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'tracehub_drill_%'")" = 0 ]
}

# ------------------------------------------------------------------------------------- stale check

# A fake, good backup named after epoch $1 (only its manifest and checksums: enough for verification).
fake_backup() {
  local dir name
  name="$(date -u -d "@$1" +%Y%m%dT%H%M%SZ)"
  dir="$TRACEHUB_BACKUP_DIR/$name"
  mkdir -p "$dir"
  printf 'dump %s\n' "$name" >"$dir/database.dump"
  printf '{"files":[{"name":"database.dump","sha256":"%s"}]}\n' "$(sha256sum "$dir/database.dump" | cut -d' ' -f1)" >"$dir/manifest.json"
  (cd "$dir" && sha256sum database.dump manifest.json >SHA256SUMS)
  printf '%s\n' "$name"
}

@test "the stale check passes for a fresh backup and alerts for an old one or none" {
  alerts_to_receiver
  run --separate-stderr "$OPS/backup/backup.sh" staging --check-stale
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"ALERT: no good backup"* ]]
  [ "$(received_field "$R" 1 environment)" = staging ]
  fake_backup "$(($(date +%s) - 27 * 3600))" >/dev/null
  run --separate-stderr "$OPS/backup/backup.sh" --check-stale
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"ALERT: newest good backup"*"27h old (limit 26h)"* ]]
  TRACEHUB_BACKUP_MAX_AGE_HOURS=48 run "$OPS/backup/backup.sh" --check-stale
  [ "$status" -eq 0 ]
  fake_backup "$(($(date +%s) - 3600))" >/dev/null
  run "$OPS/backup/backup.sh" --check-stale
  [ "$status" -eq 0 ]
  [[ "$output" == "ok: newest good backup"*"1h old"* ]]
  [ "$(received_kinds "$R" | tr '\n' ' ')" = "backup-stale backup-stale " ]
}

# --------------------------------------------------------------------------------------- retention

@test "retention keeps the newest of each of the last N days, weeks and months" {
  # shellcheck source=../backup/retention.sh
  source "$OPS/backup/retention.sh"
  # Days 2026-11-01..30 (a Sunday to a Monday), two backups on the 30th, one a month earlier.
  local names
  names="$(printf '%s\n' 20261130T020000Z 20261130T140000Z 20261129T020000Z 20261128T020000Z 20261122T020000Z \
    20261115T020000Z 20261101T020000Z 20261031T020000Z 20260915T020000Z)"
  run select_kept 3 2 2 <<<"$names"
  [ "$status" -eq 0 ]
  [ "$output" = "$(printf '%s\n' '20261130T140000Z daily,weekly,monthly' '20261129T020000Z daily,weekly' \
    '20261128T020000Z daily' '20261031T020000Z monthly')" ]
}

@test "retention never prunes the newest good backup and prunes the rest as planned" {
  local now good newest
  now="$(date +%s)"
  local d
  mkdir -p "$TRACEHUB_BACKUP_DIR"
  (cd "$TRACEHUB_BACKUP_DIR" && for ((d = 60; d >= 2; d--)); do printf '@%s\n' "$((now - d * 86400))"; done |
    date -u -f - +%Y%m%dT%H%M%SZ | xargs mkdir -p) # older backups (not verified: retention only plans them)
  good="$(fake_backup "$((now - 86400))")"
  # The newest backup is broken (no checksums): it is kept as a daily, and the good one stays too.
  newest="$(fake_backup "$((now - 3600))")"
  rm "$TRACEHUB_BACKUP_DIR/$newest/SHA256SUMS"
  mkdir -p "$TRACEHUB_BACKUP_DIR/.incomplete-x"
  TRACEHUB_BACKUP_KEEP_DAILY=1 TRACEHUB_BACKUP_KEEP_WEEKLY=2 TRACEHUB_BACKUP_KEEP_MONTHLY=2 \
    run "$OPS/backup/retention.sh" --dry-run
  [ "$status" -eq 0 ]
  [[ "$output" == *"keep $newest daily"* ]]
  [[ "$output" == *"keep $good "*"newest-good"* ]]
  [ "$(find "$TRACEHUB_BACKUP_DIR" -mindepth 1 -maxdepth 1 -name '2*' | wc -l)" = 61 ] # dry run: nothing deleted
  local expected
  expected="$(printf '%s\n' "$output" | grep -c '^keep')"
  TRACEHUB_BACKUP_KEEP_DAILY=1 TRACEHUB_BACKUP_KEEP_WEEKLY=2 TRACEHUB_BACKUP_KEEP_MONTHLY=2 \
    run "$OPS/backup/retention.sh"
  [ "$status" -eq 0 ]
  [ "$(find "$TRACEHUB_BACKUP_DIR" -mindepth 1 -maxdepth 1 -name '2*' | wc -l)" = "$expected" ]
  [ -d "$TRACEHUB_BACKUP_DIR/$good" ] && [ -d "$TRACEHUB_BACKUP_DIR/$newest" ]
  [ -d "$TRACEHUB_BACKUP_DIR/.incomplete-x" ] # young work directories are left alone
  ((expected <= 1 + 2 + 2 + 1))
}

@test "retention with the defaults keeps 30 dailies, 13 weeklies and 12 monthlies of daily backups" {
  local now d
  now="$(date -u -d 'today 02:00' +%s)"
  mkdir -p "$TRACEHUB_BACKUP_DIR"
  (cd "$TRACEHUB_BACKUP_DIR" && for ((d = 400; d >= 0; d--)); do printf '@%s\n' "$((now - d * 86400))"; done |
    date -u -f - +%Y%m%dT%H%M%SZ | xargs mkdir -p)
  fake_backup "$now" >/dev/null # the newest is good
  run "$OPS/backup/retention.sh" --dry-run
  [ "$status" -eq 0 ]
  [ "$(grep -c 'daily' <<<"$output")" = 30 ]
  [ "$(grep -c 'weekly' <<<"$output")" = 13 ]
  [ "$(grep -c 'monthly' <<<"$output")" = 12 ]
  # The 30 newest are kept; nothing older than about 12 months is.
  [ "$(head -n 30 <<<"$output" | grep -c '^keep')" = 30 ]
  local oldest_kept
  oldest_kept="$(grep '^keep' <<<"$output" | tail -n 1 | cut -d' ' -f2)"
  (($(backup_epoch_of "$oldest_kept") > now - 366 * 86400))
}

backup_epoch_of() {
  local n="$1"
  date -u -d "${n:0:4}-${n:4:2}-${n:6:2} ${n:9:2}:${n:11:2}:${n:13:2}" +%s
}

@test "retention prunes nothing when there is no good backup" {
  mkdir -p "$TRACEHUB_BACKUP_DIR/20200101T020000Z" "$TRACEHUB_BACKUP_DIR/20200102T020000Z"
  TRACEHUB_BACKUP_KEEP_DAILY=0 TRACEHUB_BACKUP_KEEP_WEEKLY=0 TRACEHUB_BACKUP_KEEP_MONTHLY=0 \
    run --separate-stderr "$OPS/backup/retention.sh"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"no good backup"*"pruning nothing"* ]]
  [ -d "$TRACEHUB_BACKUP_DIR/20200101T020000Z" ]
}

# ---------------------------------------------------------------------------------- environments

@test "an environment name loads its configuration; variables already set win" {
  # shellcheck source=../backup/lib.sh
  source "$OPS/backup/lib.sh"
  unset TRACEHUB_BACKUP_DIR
  printf '# staging\n\nPGDATABASE=from_config\nTRACEHUB_STORAGE_DIR=/srv/docs\nTRACEHUB_X=a=b\n' >"$BATS_TEST_TMPDIR/staging.conf"
  TRACEHUB_CONFIG="$BATS_TEST_TMPDIR/staging.conf" load_environment staging
  [ "$PGDATABASE" = tracehub ] # set by setup(): the environment wins over the file
  [ "$TRACEHUB_STORAGE_DIR" = "$FIXTURE/storage" ]
  [ "$TRACEHUB_X" = a=b ]
  [ "$TRACEHUB_BACKUP_DIR" = /var/backups/tracehub/staging ]
  run --separate-stderr load_environment ../etc
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"bad environment name"* ]]
}

@test "backup, retention and drill accept the environment name the deploy tool passes" {
  unset TRACEHUB_BACKUP_DIR PGDATABASE
  printf 'PGDATABASE=tracehub\nTRACEHUB_BACKUP_DIR=%s\n' "$BATS_TEST_TMPDIR/staging" >"$BATS_TEST_TMPDIR/staging.conf"
  export TRACEHUB_CONFIG="$BATS_TEST_TMPDIR/staging.conf"
  run "$OPS/backup/backup.sh" staging
  [ "$status" -eq 0 ]
  [[ "$output" == "backup $BATS_TEST_TMPDIR/staging/2"* ]]
  run "$OPS/backup/retention.sh" staging --dry-run
  [ "$status" -eq 0 ]
  local name
  name="$(basename "$(find "$BATS_TEST_TMPDIR/staging" -mindepth 1 -maxdepth 1 -name '2*')")"
  PGUSER=postgres run "$OPS/backup/restore-drill.sh" staging
  [ "$status" -eq 0 ]
  # A bare backup name is looked up under the environment's backup root.
  PGUSER=postgres run "$OPS/backup/restore.sh" --yes staging "$name" env_db
  [ "$status" -eq 0 ]
  drop_db env_db
  alerts_to_receiver
  run --separate-stderr "$OPS/backup/backup.sh"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"PGDATABASE is not set"* ]]
  [[ "$stderr" == *"ALERT: backup to /var/backups/tracehub failed - PGDATABASE is not set"* ]]
  [ "$(received_kinds "$R")" = backup-failed ]
}

# ------------------------------------------------------------------------------------ help + units

@test "every backup command documents itself with --help" {
  local tool
  for tool in backup restore restore-drill retention; do
    run "$OPS/backup/$tool.sh" --help
    [ "$status" -eq 0 ]
    [[ "$output" == Usage:* ]]
  done
}

@test "the systemd timer and service are valid and run daily, persistent, with a random delay" {
  command -v systemd-analyze >/dev/null || skip "systemd-analyze not installed"
  local dir="$BATS_TEST_TMPDIR/units" unit
  mkdir -p "$dir"
  for unit in tracehub-backup.service tracehub-backup.timer; do
    # Point the units at this checkout so that verify can check the executables exist.
    sed "s#/opt/tracehub#$(cd "$REPO" && pwd)#g" "$OPS/systemd/$unit" >"$dir/$unit"
  done
  run systemd-analyze verify "$dir/tracehub-backup.timer" "$dir/tracehub-backup.service"
  [ "$status" -eq 0 ]
  [ -z "$output" ]
  grep -q '^Persistent=true' "$dir/tracehub-backup.timer"
  grep -q '^RandomizedDelaySec=' "$dir/tracehub-backup.timer"
  grep -q '^OnCalendar=\*-\*-\* 02:00:00' "$dir/tracehub-backup.timer"
}

@test "the cron example runs commands that exist" {
  local path
  while read -r path; do
    [ -x "$REPO/${path#/opt/tracehub/}" ]
  done < <(grep -v '^#' "$OPS/backup/crontab.example" | grep -o '/opt/tracehub/[^ ;&]*')
  [ "$(grep -cv '^#' "$OPS/backup/crontab.example")" = 4 ]
  grep -q 'ops/tracehub check-disk production' "$OPS/backup/crontab.example"
}

@test "the check timers run check-disk every 15 minutes and the stale check hourly, as valid units" {
  command -v systemd-analyze >/dev/null || skip "systemd-analyze not installed"
  local dir="$BATS_TEST_TMPDIR/units" unit
  mkdir -p "$dir"
  for unit in tracehub-check-disk.service tracehub-check-disk.timer tracehub-check-stale.service tracehub-check-stale.timer; do
    sed "s#/opt/tracehub#$(cd "$REPO" && pwd)#g" "$OPS/systemd/$unit" >"$dir/$unit"
  done
  run systemd-analyze verify "$dir"/tracehub-check-*.timer "$dir"/tracehub-check-*.service
  echo "$output"
  [ "$status" -eq 0 ]
  [ -z "$output" ]
  grep -q '^ExecStart=.*/ops/tracehub check-disk production$' "$dir/tracehub-check-disk.service"
  grep -q '^ExecStart=.*/ops/backup/backup.sh production --check-stale$' "$dir/tracehub-check-stale.service"
  grep -q '^OnCalendar=\*:0/15$' "$dir/tracehub-check-disk.timer"
  grep -q '^OnCalendar=hourly$' "$dir/tracehub-check-stale.timer"
}
