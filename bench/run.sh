#!/usr/bin/env bash
# TraceHub benchmarks (issue 7): one command per scenario, or `all`. See bench/README.md.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "${BENCH_DIR}/.." && pwd)"

usage() {
  cat <<'USAGE'
Usage: bench/run.sh [options] COMMAND

Sets up a throw-away world in the work directory (PostgreSQL 15 with fsync on, the schema migrated by the
jar's --tracehub.migrate-only as the owner, the dataset from bench/generate.sh, the app jar as a process
with the app role, nginx in front), measures, writes bench/results/<date>-<commit>.md and .json, and stops
every process it started. The dataset stays in the work directory and is reused by the next command.

Commands (each one command, each sets up what it needs):
  all          every scenario below, the limits and the memory proof, in one report
  login        POST /api/auth/login as distinct bench users
  list         the shipments list page with filters (25 per page)
  search       the list page's text search (q=)
  detail       the detail page: shipment, tracking and documents
  dashboard    the dashboard: /api/me, unread count, analytics summary
  upload-1m    document upload, 1 MiB PDF (multipart, Idempotency-Key)
  upload-50m   document upload, 50 MB PDF
  auditpack    the audit pack of BENCH-PACK-20 (20 × 5 MiB)
  webhook      a burst of signed Vizion deliveries
  health       GET /health through nginx and Spring (the app's own ceiling)
  limits       pgbench on the endpoints' SQL, a static file through nginx (wrk and Gatling), disk write speed
  memory       heap growth during one 50 MB upload and one audit pack (high-frequency sampling + small -Xmx)
  coldstart    only the cold start (process start to readiness 200), three times
  setup        only build the world and leave it running (prints the URLs); `down` stops it
  down         stop the processes of the work directory

Options:
  --scale X        dataset scale for bench/generate.sh (default 1.0)
  --seed N         generator seed (default 42)
  --work DIR       work directory (default $BENCH_WORK or /var/tmp/tracehub-bench)
  --reuse DIR      same as --work DIR, and fail unless DIR already holds a generated dataset
  --fresh          delete the work directory first (new cluster, new dataset)
  --mini           no generator: a small dataset through the API (bench/lib/mini-dataset.sh)
  --generator PATH the generator script (default bench/generate.sh)
  --duration S     measured seconds per scenario (default 45)
  --warmup S       warm-up seconds per scenario, not counted (default 10)
  --users N        concurrent users for the read scenarios (default 20)
  --no-build       do not build the jar or the Gatling project when missing/stale
  --keep-running   leave PostgreSQL, the app and nginx running at the end
  --results DIR    where the report goes (default bench/results)
  -h, --help       this text

Environment: BENCH_JAVA_OPTS (app JVM, default -Xms1g -Xmx1g), BENCH_PG_SHARED_BUFFERS (2GB),
BENCH_POOL_SIZE (Hikari, 10), BENCH_PASSWORD (bench users' password).
USAGE
}

SCALE=1.0 SEED=42 FRESH=0 MINI=0 DURATION=45 WARMUP=10 USERS=20 BUILD=1 KEEP=0 REUSE=0
WORK="${BENCH_WORK:-/var/tmp/tracehub-bench}"
RESULTS="${BENCH_DIR}/results"
BENCH_PASSWORD="${BENCH_PASSWORD:-bench-Password-2026!}"
GENERATOR="${BENCH_DIR}/generate.sh"
COMMAND=""
while (($#)); do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --reuse) WORK="$2"; REUSE=1; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --mini) MINI=1; shift ;;
    --generator) GENERATOR="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --users) USERS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep-running) KEEP=1; shift ;;
    --results) RESULTS="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) printf 'unknown option %s\n\n' "$1" >&2; usage >&2; exit 2 ;;
    *) [[ -z "$COMMAND" ]] || { printf 'one command only\n' >&2; exit 2; }; COMMAND="$1"; shift ;;
  esac
done
[[ -n "$COMMAND" ]] || { usage >&2; exit 2; }

SCENARIOS=(login list search detail dashboard upload-1m upload-50m auditpack webhook health)
case " ${SCENARIOS[*]} all limits memory coldstart setup down " in
  *" ${COMMAND} "*) ;;
  *) printf 'unknown command %s\n\n' "$COMMAND" >&2; usage >&2; exit 2 ;;
esac

JAR=""
# shellcheck source=lib/env.sh
source "${BENCH_DIR}/lib/env.sh"
# shellcheck source=lib/mini-dataset.sh
source "${BENCH_DIR}/lib/mini-dataset.sh"
# shellcheck source=lib/measure.sh
source "${BENCH_DIR}/lib/measure.sh"

if [[ "$COMMAND" == down ]]; then
  bench_app_stop
  bench_nginx_stop
  bench_pg_stop
  exit 0
fi

# ---- the jar and the load generator ------------------------------------------------------------------
find_jar() { find "${REPO}/backend/target" -maxdepth 1 -name 'tracehub*.jar' ! -name '*-plain.jar' 2>/dev/null | head -n 1; }
JAR="$(find_jar)"
if [[ -z "$JAR" ]]; then
  ((BUILD)) || die "no jar in backend/target (build it or drop --no-build)"
  log "building the jar (web inside)…"
  (cd "$REPO" && ./mvnw -B -q -pl web,backend package -DskipTests -Djacoco.skip=true -Dspotbugs.skip=true)
  JAR="$(find_jar)"
fi
[[ -n "$JAR" ]] || die "no jar found in backend/target"
for tool in java node psql nginx curl openssl "${PG_BIN}/initdb" pgbench; do
  command -v "$tool" >/dev/null 2>&1 || die "missing: ${tool}"
done

# ---- the world ----------------------------------------------------------------------------------------
if ((FRESH)) && [[ -d "$WORK" ]]; then
  bench_app_stop
  bench_nginx_stop
  bench_pg_stop
  rm -rf "$WORK"
fi
mkdir -p "$WORK/data/documents" "$WORK/handles" "$WORK/runs"
[[ "$(id -u)" -ne 0 ]] || chmod 755 "$WORK"
if ((REUSE)) && [[ ! -f "${WORK}/state.generated" ]]; then
  die "--reuse ${WORK}: no generated dataset there"
fi

cleanup() {
  local rc=$?
  if ((KEEP == 0)) && [[ "$COMMAND" != setup ]]; then
    bench_app_stop
    bench_nginx_stop
    bench_pg_stop
  fi
  exit "$rc"
}
trap cleanup EXIT

bench_secrets
bench_pg_start
log "PostgreSQL 15 on 127.0.0.1:${PG_PORT} (${WORK}/pg)"
[[ -f "${WORK}/state.migrated" ]] || bench_db_create
# Every run, as a deploy does: a reused dataset gets the changesets of the jar being measured (an app
# whose schema is behind is never ready), and an up-to-date schema costs one Liquibase start.
log "migrating as tracehub_owner (--tracehub.migrate-only)…"
bench_migrate
touch "${WORK}/state.migrated"
bench_nginx_start
log "nginx on 127.0.0.1:${NGINX_PORT}"

GENERATE_SECONDS=""
if [[ ! -f "${WORK}/state.generated" ]]; then
  if ((MINI == 0)) && [[ -x "$GENERATOR" ]]; then
    log "generating the dataset, scale ${SCALE}, seed ${SEED}…"
    t0=$(date +%s)
    "$GENERATOR" --jdbc-url "jdbc:postgresql://127.0.0.1:${PG_PORT}/tracehub" --user postgres \
      --documents-dir "${WORK}/data/documents" --scale "$SCALE" --seed "$SEED" --bench-password "$BENCH_PASSWORD"
    GENERATE_SECONDS=$(($(date +%s) - t0))
    printf 'generator scale=%s seed=%s seconds=%s\n' "$SCALE" "$SEED" "$GENERATE_SECONDS" >"${WORK}/state.generated"
  else
    ((MINI)) || log "${GENERATOR} not found: falling back to the mini dataset (--mini)"
    mini_sql "$BENCH_PASSWORD"
    bench_app_start
    mini_api "http://127.0.0.1:${NGINX_PORT}" 60
    bench_app_stop
    printf 'mini\n' >"${WORK}/state.generated"
  fi
  log "VACUUM ANALYZE…"
  bench_psql -c 'VACUUM ANALYZE' >/dev/null
fi

bench_app_start
COLD_STARTS=("$COLD_START_MS")
bench_handles
log "dataset: $(tr '\n' ' ' <"${WORK}/handles/counts.txt")"

if [[ "$COMMAND" == setup ]]; then
  KEEP=1
  printf 'app  http://127.0.0.1:%s  (direct: %s, pid %s)\npg   psql -h 127.0.0.1 -p %s -U postgres tracehub\nstop bench/run.sh --work %s down\n' \
    "$NGINX_PORT" "$APP_PORT" "$APP_PID" "$PG_PORT" "$WORK"
  exit 0
fi

# ---- the measurements ---------------------------------------------------------------------------------
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="${WORK}/runs/${RUN_ID}"
mkdir -p "$RUN_DIR"
case "$COMMAND" in
  all) selected=("${SCENARIOS[@]}") ;;
  limits | memory | coldstart) selected=() ;;
  *) selected=("$COMMAND") ;;
esac
((${#selected[@]} == 0)) || gatling_build
for scenario in "${selected[@]}"; do
  run_scenario "$scenario"
done
if [[ "$COMMAND" == all || "$COMMAND" == limits ]]; then
  run_limits
fi
if [[ "$COMMAND" == all || "$COMMAND" == memory ]]; then
  run_memory
fi
if [[ "$COMMAND" == all || "$COMMAND" == coldstart ]]; then
  for _ in 1 2; do
    bench_app_stop
    bench_app_start
    COLD_STARTS+=("$COLD_START_MS")
  done
fi
write_report
