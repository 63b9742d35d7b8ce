#!/usr/bin/env bats
# The benchmark data generator (bench/generate.sh, bench/generator) against a real PostgreSQL 15
# migrated by the application's own jar (--tracehub.migrate-only), at a tiny scale: counts, the same
# rows for the same seed, refusal of a filled database, what row-level security shows the app role,
# and the document files. Needs backend/target/tracehub.jar (./mvnw -B package) and PostgreSQL 15.
# Set BENCH_GENERATOR_APP=1 to also start the application on the dataset and log in (slow: +30-120 s).
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2030,SC2031 # variables exported in setup_file are read in the tests' subshells
# shellcheck disable=SC2154 # $stderr is set by bats' run --separate-stderr

bats_require_minimum_version 1.5.0

SCALE=0.002
SEED=7
ANCHOR=2026-06-15

setup_file() {
  export REPO="${BATS_TEST_DIRNAME}/../.."
  # shellcheck source=../drills/drill-env.sh
  source "${BATS_TEST_DIRNAME}/../drills/drill-env.sh"
  local jar="${REPO}/backend/target/tracehub.jar" missing="" tool
  for tool in psql java node sha256sum unzip openssl; do
    command -v "$tool" >/dev/null 2>&1 || missing+="${tool} "
  done
  [[ -x "${PG_BIN}/initdb" ]] || missing+="postgresql-15 "
  if [[ ! -f "$jar" ]] || ! unzip -l "$jar" 2>/dev/null | grep -q 'MigrateOnly'; then
    missing+="the jar (./mvnw -B package) "
  fi
  if [[ -n "$missing" ]]; then
    export GEN_SKIP="missing: ${missing}"
    return 0
  fi
  local started=$SECONDS
  "${REPO}/bench/generate.sh" --build-only
  echo "# generator jar ready in $((SECONDS - started)) s" >&3
  # Not under bats' private temp dir: the postgres user must be able to reach its cluster.
  GEN_DIR="$(mktemp -d -t tracehub-gen.XXXXXX)"
  chmod 711 "$GEN_DIR"
  OWNER_PASSWORD="$(openssl rand -hex 16)" APP_PASSWORD="$(openssl rand -hex 16)"
  export GEN_DIR OWNER_PASSWORD APP_PASSWORD
  started=$SECONDS
  pg_up "$GEN_DIR"
  export PG_PORT
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/tracehub" SPRING_DATASOURCE_USERNAME=tracehub_app \
    SPRING_DATASOURCE_PASSWORD="$APP_PASSWORD" SPRING_LIQUIBASE_USER=tracehub_owner \
    SPRING_LIQUIBASE_PASSWORD="$OWNER_PASSWORD" SPRING_LIQUIBASE_ENABLED=true \
    TRACEHUB_SECURITY_JWT_SECRET="$(openssl rand -hex 32)" LOGGING_STRUCTURED_FORMAT_CONSOLE='' \
    java -jar "$jar" --tracehub.migrate-only=true </dev/null >"${GEN_DIR}/migrate.log" 2>&1 ||
    { tail -n 30 "${GEN_DIR}/migrate.log" >&3; return 1; }
  # A second, identical empty database for the determinism test (copied before anything is generated).
  pg -c "CREATE DATABASE tracehub_b TEMPLATE tracehub OWNER tracehub_owner" >/dev/null
  echo "# generator setup: PostgreSQL 15 migrated in $((SECONDS - started)) s" >&3
  started=$SECONDS
  generate tracehub a >"${GEN_DIR}/a.out" 2>&1 || { tail -n 30 "${GEN_DIR}/a.out" >&3; return 1; }
  echo "# generator: scale ${SCALE} generated in $((SECONDS - started)) s" >&3
}

teardown_file() {
  [[ -n "${GEN_DIR:-}" ]] || return 0
  # shellcheck source=../drills/drill-env.sh
  source "${BATS_TEST_DIRNAME}/../drills/drill-env.sh"
  if [[ -f "${GEN_DIR}/app.pid" ]]; then
    kill "$(cat "${GEN_DIR}/app.pid")" 2>/dev/null || true
  fi
  pg_down "$GEN_DIR"
  rm -rf -- "$GEN_DIR"
}

setup() {
  [[ -z "${GEN_SKIP:-}" ]] || skip "$GEN_SKIP"
}

# pg [psql args...]: psql as the superuser, unaligned, tuples only, stopping at the first error.
pg() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# generate DB NAME [extra args...]: the generator into database DB, files under GEN_DIR/NAME.
generate() {
  local db="$1" name="$2"
  shift 2
  "${REPO}/bench/generate.sh" --jdbc-url "jdbc:postgresql://127.0.0.1:${PG_PORT}/${db}" --user postgres \
    --documents-dir "${GEN_DIR}/${name}/documents" --summary "${GEN_DIR}/${name}/dataset.json" \
    --scale "$SCALE" --seed "$SEED" --anchor "$ANCHOR" --threads 2 "$@"
}

# as_app ORG SQL: one query as the application role, in a transaction scoped to ORG the way
# TenantAwareTransactionManager scopes it (set_config('app.org_id', …, true)).
as_app() {
  PGPASSWORD="$APP_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U tracehub_app -d tracehub -X -q -At \
    -v ON_ERROR_STOP=1 -v org="$1" <<SQL
BEGIN;
SELECT set_config('app.org_id', :'org', true) IS NULL AS ignored \gset
$2;
COMMIT;
SQL
}

org_id() {
  pg -d tracehub -c "SELECT id FROM organization WHERE name = '$1'"
}

@test "the dataset has the planned rows per table at the chosen scale" {
  # Scale 0.002 of 100,000 shipments, 250,000 containers, 1,000,000 events, 400,000 documents;
  # organisations and users do not scale (50 organisations, 195 users of bench-contract.md).
  local expected=(organization=50 app_user=195 membership=195 organization_partner=225 shipment=200
    shipment_container=500 tracking_event=2000 document=800 compliance_evaluation=200)
  local pair table
  for pair in "${expected[@]}"; do
    table="${pair%%=*}"
    [[ "$(pg -d tracehub -c "SELECT count(*) FROM ${table}")" == "${pair#*=}" ]] ||
      { echo "${table}: $(pg -d tracehub -c "SELECT count(*) FROM ${table}"), expected ${pair#*=}"; return 1; }
  done
  # Exporter 1 owns 60 %; every shipment has a status history and an evaluation; cocoa has plots.
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM shipment s JOIN organization o ON o.id = s.organization_id
                            WHERE o.name = 'Bench Exporter 01'")" == 120 ]]
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM shipment s WHERE NOT EXISTS
                            (SELECT 1 FROM shipment_status_change c WHERE c.shipment_id = s.id)")" == 0 ]]
  [[ "$(pg -d tracehub -c "SELECT count(DISTINCT status) FROM shipment")" -ge 6 ]]
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM eudr_origin o JOIN shipment s ON s.id = o.shipment_id
                            WHERE s.product_type NOT IN ('cocoa_beans', 'coffee')")" == 0 ]]
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM eudr_origin")" -gt 0 ]]
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM tracking_subscription WHERE state = 'active'")" -gt 0 ]]
  # BENCH-PACK-20: exporter 1's, 20 document rows, the newest approved version of 16 types current.
  [[ "$(pg -d tracehub -c "SELECT count(*) || '/' || count(*) FILTER (WHERE d.status = 'approved')
                            FROM document d JOIN shipment s ON s.id = d.shipment_id
                            JOIN organization o ON o.id = s.organization_id
                            WHERE s.reference = 'BENCH-PACK-20' AND o.name = 'Bench Exporter 01'")" == "20/16" ]]
  # The summary's counts are the database's.
  run node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const want = { shipment: 200, tracking_event: 2000, document: 800, shipment_container: 500 };
    for (const [t, n] of Object.entries(want)) if (d.counts[t] !== n) throw new Error(t + " " + d.counts[t]);
    if (d.sampleShipmentIds.length !== 119 || !d.benchPack20.shipmentId || d.webhook.containers.length === 0)
      throw new Error("handles missing");
    if (d.organizations["Bench Exporter 01"] === undefined || Object.keys(d.organizations).length !== 50)
      throw new Error("organisations");' "${GEN_DIR}/a/dataset.json"
  [[ "$status" -eq 0 ]] || { echo "$output"; return 1; }
}

@test "container numbers are unique, valid ISO 6346 numbers (check digit verified independently)" {
  [[ "$(pg -d tracehub -c "SELECT count(*) - count(DISTINCT container_number) FROM shipment_container")" == 0 ]]
  pg -d tracehub -c "SELECT container_number FROM shipment_container" >"${GEN_DIR}/numbers.txt"
  run node -e '
    const value = (c) => { if (c >= "0" && c <= "9") return +c;
      let v = 9; for (let l = 65; l <= c.charCodeAt(0); l++) { v++; if (v % 11 === 0) v++; } return v; };
    const bad = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter((n) => {
      if (!/^[A-Z]{3}[UJZ][0-9]{7}$/.test(n)) return true;
      let s = 0; for (let i = 0; i < 10; i++) s += value(n[i]) * 2 ** i;
      return s % 11 % 10 !== +n[10]; });
    if (bad.length) { console.log(bad.slice(0, 5).join(" ")); process.exit(1); }' "${GEN_DIR}/numbers.txt"
  [[ "$status" -eq 0 ]] || { echo "invalid: $output"; return 1; }
}

@test "the same seed writes the same rows, ids included, and the same files into another database" {
  generate tracehub_b b >"${GEN_DIR}/b.out" 2>&1 || { tail -n 30 "${GEN_DIR}/b.out"; return 1; }
  local table a b
  for table in organization app_user membership shipment shipment_party shipment_container shipment_product_line \
    shipment_status_change tracking_subscription tracking_event document document_transition eudr_origin \
    eudr_origin_line compliance_evaluation; do
    a="$(pg -d tracehub -c "SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM ${table} t")"
    b="$(pg -d tracehub_b -c "SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM ${table} t")"
    [[ -n "$a" && "$a" == "$b" ]] || { echo "${table} differs: ${a} vs ${b}"; return 1; }
  done
  a="$(cd "${GEN_DIR}/a/documents" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)"
  b="$(cd "${GEN_DIR}/b/documents" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)"
  [[ "$a" == "$b" ]]
}

@test "a database that already holds shipments is refused, and nothing is written" {
  local before
  before="$(pg -d tracehub -c "SELECT count(*) FROM shipment")"
  run --separate-stderr generate tracehub again
  [[ "$status" -eq 3 ]]
  [[ "$stderr" == *"already holds ${before} shipments"* ]]
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM shipment")" == "$before" ]]
  [[ ! -e "${GEN_DIR}/again/documents" ]]
}

@test "under row-level security the app role sees per tenant exactly what the data says it may" {
  local exporter buyer supplier
  exporter="$(org_id 'Bench Exporter 01')"
  # The buyer with the most shipments, and a supplier that is a party to some.
  buyer="$(pg -d tracehub -c "SELECT buyer_organization_id FROM shipment WHERE buyer_organization_id IS NOT NULL
                               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
  supplier="$(pg -d tracehub -c "SELECT party_organization_id FROM shipment_party WHERE role = 'supplier'
                                  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
  # Exporter 1: its 120 shipments, none of anyone else's; their containers and documents.
  [[ "$(as_app "$exporter" "SELECT count(*) || '/' || count(*) FILTER (WHERE organization_id <> :'org') FROM shipment")" == "120/0" ]]
  [[ "$(as_app "$exporter" "SELECT count(*) FROM document")" == \
    "$(pg -d tracehub -c "SELECT count(*) FROM document WHERE organization_id = '${exporter}'")" ]]
  # A buyer: exactly the shipments it buys, and their documents and evaluations.
  [[ "$(as_app "$buyer" "SELECT count(*) || '/' || count(*) FILTER (WHERE buyer_organization_id IS DISTINCT FROM :'org') FROM shipment")" == \
    "$(pg -d tracehub -c "SELECT count(*) || '/0' FROM shipment WHERE buyer_organization_id = '${buyer}'")" ]]
  [[ "$(as_app "$buyer" "SELECT count(*) FROM compliance_evaluation")" == \
    "$(pg -d tracehub -c "SELECT count(*) FROM shipment WHERE buyer_organization_id = '${buyer}'")" ]]
  [[ "$(as_app "$buyer" "SELECT count(*) FROM document")" == \
    "$(pg -d tracehub -c "SELECT count(*) FROM document d JOIN shipment s ON s.id = d.shipment_id
                           WHERE s.buyer_organization_id = '${buyer}'")" ]]
  # A supplier: the shipments it is a party to.
  [[ "$(as_app "$supplier" "SELECT count(*) FROM shipment")" == \
    "$(pg -d tracehub -c "SELECT count(*) FROM shipment_party WHERE party_organization_id = '${supplier}'")" ]]
  # No scope, nothing.
  [[ "$(as_app "" "SELECT count(*) FROM shipment")" == 0 ]]
}

@test "every document row has its file under its storage key with the stored sha256 and size" {
  local docs="${GEN_DIR}/a/documents"
  pg -d tracehub -F ' ' -c "SELECT sha256, storage_key FROM document" | awk '{print $1 "  " $2}' >"${GEN_DIR}/sums.txt"
  [[ "$(wc -l <"${GEN_DIR}/sums.txt")" == 800 ]]
  (cd "$docs" && sha256sum --quiet --strict -c "${GEN_DIR}/sums.txt")
  pg -d tracehub -F ' ' -c "SELECT size_bytes, storage_key FROM document ORDER BY storage_key" >"${GEN_DIR}/sizes.db"
  (cd "$docs" && find shipments -type f -printf '%s %p\n' | sort -k2) >"${GEN_DIR}/sizes.fs"
  diff "${GEN_DIR}/sizes.db" "${GEN_DIR}/sizes.fs"
  # Small files are PDFs; BENCH-PACK-20's are 5 MiB PDFs.
  [[ "$(pg -d tracehub -c "SELECT count(*) FROM document WHERE size_bytes = 5242880")" == 20 ]]
  local key
  key="$(pg -d tracehub -c "SELECT storage_key FROM document ORDER BY id LIMIT 1")"
  [[ "$(head -c 8 "${docs}/${key}")" == "%PDF-1.4" ]]
  [[ "$(tail -c 6 "${docs}/${key}")" == "%%EOF"* ]]
}

@test "the application logs a bench user in and serves the list and the 20-document audit pack" {
  [[ "${BENCH_GENERATOR_APP:-}" == 1 ]] || skip "set BENCH_GENERATOR_APP=1 (starts the application: +30-120 s)"
  local port base token pack started=$SECONDS
  # shellcheck source=../drills/drill-env.sh
  source "${BATS_TEST_DIRNAME}/../drills/drill-env.sh"
  port="$(free_port)"
  base="http://127.0.0.1:${port}"
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/tracehub" SPRING_DATASOURCE_USERNAME=tracehub_app \
    SPRING_DATASOURCE_PASSWORD="$APP_PASSWORD" SPRING_LIQUIBASE_ENABLED=false SERVER_PORT="$port" \
    TRACEHUB_SECURITY_JWT_SECRET="$(openssl rand -hex 32)" TRACEHUB_DOCUMENTS_STORAGE_PATH="${GEN_DIR}/a/documents" \
    TRACEHUB_TRACKING_POLLING_ENABLED=false LOGGING_STRUCTURED_FORMAT_CONSOLE='' \
    java -Xmx512m -jar "${REPO}/backend/target/tracehub.jar" </dev/null >"${GEN_DIR}/app.log" 2>&1 &
  echo $! >"${GEN_DIR}/app.pid"
  until curl -sf "${base}/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$(cat "${GEN_DIR}/app.pid")" || { tail -n 20 "${GEN_DIR}/app.log"; return 1; }
    ((SECONDS - started < 240)) || { echo "not ready after 240 s"; return 1; }
    sleep 1
  done
  echo "# generator: application ready on the dataset in $((SECONDS - started)) s" >&3
  token="$(curl -sf -X POST "${base}/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"admin@exporter-01.bench.example","password":"bench-Password-2026!"}' |
    node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).accessToken)')"
  [[ -n "$token" ]]
  run curl -sf "${base}/api/shipments?size=5" -H "Authorization: Bearer ${token}"
  [[ "$status" -eq 0 && "$output" == *'"reference":"E01-'* ]]
  pack="$(pg -d tracehub -c "SELECT id FROM shipment WHERE reference = 'BENCH-PACK-20'")"
  curl -sf -o "${GEN_DIR}/pack.zip" "${base}/api/shipments/${pack}/audit-pack" -H "Authorization: Bearer ${token}"
  # 16 current documents (the newest approved version of each type) of 5 MiB, the index and metadata.
  [[ "$(unzip -l "${GEN_DIR}/pack.zip" | grep -c ' 5242880 ')" == 16 ]]
}
