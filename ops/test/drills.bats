#!/usr/bin/env bats
# The deployment drills of docs/operations/deploy.md, for real: PostgreSQL 15, nginx, two releases
# of the application (v1 = the jar as built, v2 = a build of it with its own version and an expand-only
# changeset; /health names the build that answers, so the load shows which release served it), the
# deploy tool, and continuous GET and POST load through nginx over kept-alive connections.
# The tests run in order and share one world: each starts from the state the previous one left.
# Figures are printed as "# drill ..." lines. Needs backend/target/tracehub.jar (./mvnw -B package).
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $stderr is set by bats' run --separate-stderr
# shellcheck disable=SC2030,SC2031 # RC/LOAD/TOOK are per test on purpose (each test is a subshell)
# shellcheck disable=SC2086 # DRILL_APP_ARGS is a list of plain words, split on purpose

bats_require_minimum_version 1.5.0

setup_file() {
  export DRILLS_DIR="${BATS_TEST_DIRNAME}/../drills" TOOL="${BATS_TEST_DIRNAME}/../tracehub"
  # shellcheck source=../drills/drill-env.sh
  source "${DRILLS_DIR}/drill-env.sh"
  local missing
  missing="$(drill_missing "${BATS_TEST_DIRNAME}/../../backend/target/tracehub.jar")"
  if [[ -n "$missing" ]]; then
    export DRILL_SKIP="missing: ${missing}"
    return 0
  fi
  # Not under bats' private temp dir: the postgres user must be able to reach its cluster.
  DRILL_DIR="$(mktemp -d -t tracehub-drill.XXXXXX)"
  chmod 711 "$DRILL_DIR"
  export DRILL_DIR
  drill_up "$DRILL_DIR" "${BATS_TEST_DIRNAME}/../../backend/target/tracehub.jar"
  V1_BUILD="$(jar_build_version "${DRILL_DIR}/releases/v1.jar")" V2_BUILD="$(jar_build_version "${DRILL_DIR}/releases/v2.jar")"
  export NGINX_PORT PG_PORT GREEN_PORT TRACEHUB_CONFIG DRILL_APP_ARGS V1_BUILD V2_BUILD
  local started=$SECONDS
  # shellcheck disable=SC2086 # DRILL_APP_ARGS is a list of plain words
  "$TOOL" deploy drill "${DRILL_DIR}/releases/v1.jar" --release v1 --skip-backup -- $DRILL_APP_ARGS >"${DRILL_DIR}/setup.out" 2>&1 ||
    { cat "${DRILL_DIR}/setup.out" >&3; return 1; }
  echo "# drill setup: v1 (build ${V1_BUILD}) deployed to blue in $((SECONDS - started)) s; v2 is build ${V2_BUILD}" >&3
  [[ -n "$V1_BUILD" && -n "$V2_BUILD" && "$V1_BUILD" != "$V2_BUILD" ]]
  [ "$(served_build)" = "$V1_BUILD" ]
}

teardown_file() {
  [[ -n "${DRILL_DIR:-}" ]] || return 0
  # shellcheck source=../drills/drill-env.sh
  source "${DRILLS_DIR}/drill-env.sh"
  drill_down "$DRILL_DIR"
  rm -rf -- "$DRILL_DIR"
}

setup() {
  [[ -z "${DRILL_SKIP:-}" ]] || skip "$DRILL_SKIP"
  # shellcheck source=../drills/drill-env.sh
  source "${DRILLS_DIR}/drill-env.sh"
}

state() { cat "${DRILL_DIR}/state/$1" 2>/dev/null || true; }

# under_load NAME ARGS...: runs the tool under load; sets RC, LOAD (JSON summary), TOOK (s).
under_load() {
  local name="$1" started
  shift
  load_start "$DRILL_DIR" "$name"
  started=$SECONDS
  RC=0
  "$TOOL" "$@" >"${DRILL_DIR}/${name}.out" 2>&1 || RC=$?
  TOOK=$((SECONDS - started))
  sleep 1
  load_stop "$DRILL_DIR" "$name"
}

# figures NAME: one line of what the load saw.
figures() {
  echo "# drill $1: $(json_field "$LOAD" requests) requests ($(json_field "$LOAD" get) GET, $(json_field "$LOAD" post) POST)," \
    "failed $(json_field "$LOAD" failed), raw keep-alive races $(json_field "$LOAD" races) (all retried once: $(json_field "$LOAD" retried_ok) ok)," \
    "tool took ${TOOK} s, exit ${RC}" >&3
}

# step_ms NAME STEP: the duration of the last STEP in the deploy log.
step_ms() {
  node -e 'let ms="?"; for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) { const o=JSON.parse(l); if (o.step===process.argv[2] && o.duration_ms!==undefined) ms=o.duration_ms; } console.log(ms)' \
    "${DRILL_DIR}/state/deploy.log" "$1"
}

show_on_failure() { cat "${DRILL_DIR}/$1.out" >&3; }

# served_build: the build that answers /health through nginx now.
served_build() { json_field "$(curl -fsS "http://127.0.0.1:${NGINX_PORT}/health")" build; }

# builds_seen: "FIRST LAST CHANGES COUNTS" of the builds that answered the load's /health requests,
# in the order the answers arrived (CHANGES = how many times the answering build changed).
builds_seen() {
  # shellcheck disable=SC2016 # JavaScript template literals, not shell expansions
  node -e 'const o=JSON.parse(process.argv[1]); const s=o.build_sequence; console.log(`${s[0]} ${s[s.length-1]} ${s.length-1} ${JSON.stringify(o.builds)}`)' "$LOAD"
}

@test "good release: switched with 0 failed requests; a concurrent second deploy is refused by the lock" {
  load_start "$DRILL_DIR" good
  local started=$SECONDS
  RC=0
  # shellcheck disable=SC2086 # DRILL_APP_ARGS is a list of plain words
  "$TOOL" deploy drill "${DRILL_DIR}/releases/v2.jar" --release v2 --skip-backup -- $DRILL_APP_ARGS >"${DRILL_DIR}/good.out" 2>&1 &
  local deploy=$!
  local deadline=$((SECONDS + 60))
  until grep -q '"step":"deploy","outcome":"started".*v2' "${DRILL_DIR}/state/deploy.log" 2>/dev/null; do
    ((SECONDS < deadline)) || break
    sleep 0.2
  done
  run --separate-stderr "$TOOL" deploy drill "${DRILL_DIR}/releases/v2.jar" --release v2-again --skip-backup
  local lock_status=$status lock_stderr=$stderr
  wait "$deploy" || RC=$?
  TOOK=$((SECONDS - started))
  sleep 1
  load_stop "$DRILL_DIR" good
  figures good-release
  echo "# drill good-release: migrate $(step_ms migrate) ms, readiness $(step_ms readiness) ms, switch $(step_ms switch) ms, drain $(step_ms drain) ms" >&3
  echo "# drill lock: second deploy exit ${lock_status}: ${lock_stderr%%$'\n'*}" >&3
  local seen
  seen="$(builds_seen)"
  echo "# drill good-release: builds answering /health (first last changes counts): ${seen}" >&3
  [ "$RC" -eq 0 ] || show_on_failure good
  [ "$RC" -eq 0 ]
  [ "$(state active)" = green ]
  # The release runs from its extracted jar with the class archive its migration wrote, and the JVM
  # could map it (it warns, and loads classes the slow way, when it cannot).
  tr '\0' ' ' <"/proc/$(state green.pid)/cmdline" | grep -q -- '-XX:SharedArchiveFile=.*/releases/v2/app.jsa -jar .*/releases/v2/app/tracehub.jar'
  run ! grep -i 'warning.*\bcds\b\|sharedarchivefile' "${DRILL_DIR}/state/logs/green.log"
  # The traffic really moved from one build to the other, and v2 answers now.
  [[ "$seen" == "${V1_BUILD} ${V2_BUILD} "* ]]
  [ "$(served_build)" = "$V2_BUILD" ]
  # And the operator's view says the same.
  run "$TOOL" status drill
  [[ "$output" == *"green  port ${GREEN_PORT}  ready     v2  (build ${V2_BUILD})"* ]]
  [ "$(json_field "$LOAD" failed)" -eq 0 ]
  [ "$lock_status" -ne 0 ]
  [[ "$lock_stderr" == *"another deploy or rollback of this environment is running"* ]]
}

@test "rollback under load: back to v1 (cold start, readiness-gated) with 0 failed requests" {
  under_load rollback rollback drill
  figures rollback
  echo "# drill rollback: total $(step_ms rollback) ms (start+readiness $(step_ms readiness) ms, switch $(step_ms switch) ms)" >&3
  local seen
  seen="$(builds_seen)"
  echo "# drill rollback: builds answering /health (first last changes counts): ${seen}" >&3
  [ "$RC" -eq 0 ] || show_on_failure rollback
  [ "$RC" -eq 0 ]
  [ "$(state active)" = blue ]
  [[ "$seen" == "${V2_BUILD} ${V1_BUILD} "* ]]
  [ "$(served_build)" = "$V1_BUILD" ]
  [ "$(json_field "$LOAD" failed)" -eq 0 ]
}

@test "the old release passes its smoke test on the new schema" {
  run psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tracehub -Atc \
    "SELECT count(*) FROM databasechangelog WHERE id = 'v2-release-notes'"
  [ "$output" = 1 ]
  [ "$(state blue.release)" = v1 ]
  run "$TOOL" smoke-test drill blue
  echo "# drill old-on-new-schema: v1 on the v2 schema, smoke exit ${status}" >&3
  [ "$status" -eq 0 ]
  grep -q '"release":"v2".*"step":"old-on-new-schema","outcome":"ok"' "${DRILL_DIR}/state/deploy.log"
}

@test "a release that never becomes ready is not switched to; 0 failed requests" {
  # Configured with a database address where nothing listens: it can never become ready.
  under_load never-ready deploy drill "${DRILL_DIR}/releases/v2.jar" --release v2-no-database --skip-backup \
    -- $DRILL_APP_ARGS "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/tracehub"
  figures never-ready
  [ "$RC" -eq 1 ] || show_on_failure never-ready
  [ "$RC" -eq 1 ]
  [ "$(state active)" = blue ]
  # Only v1 ever answered.
  [[ "$(builds_seen)" == "${V1_BUILD} ${V1_BUILD} 0 "* ]]
  [ "$(json_field "$LOAD" failed)" -eq 0 ]
  grep -q '"step":"readiness","outcome":"failed"' "${DRILL_DIR}/state/deploy.log"
}

@test "a release that fails its smoke test is not switched to; 0 failed requests" {
  # Ready, but every access token it issues has already expired: sign-in works, /api/me does not.
  under_load smoke-fails deploy drill "${DRILL_DIR}/releases/v2.jar" --release v2-expired-tokens --skip-backup \
    -- $DRILL_APP_ARGS --tracehub.identity.access-token-ttl=-10m
  figures smoke-failing
  [ "$RC" -eq 1 ] || show_on_failure smoke-fails
  [ "$RC" -eq 1 ]
  [ "$(state active)" = blue ]
  [[ "$(builds_seen)" == "${V1_BUILD} ${V1_BUILD} 0 "* ]]
  [ "$(json_field "$LOAD" failed)" -eq 0 ]
  grep -q '"release":"v2-expired-tokens".*"step":"smoke","outcome":"failed"' "${DRILL_DIR}/state/deploy.log"
}

@test "a release that degrades inside the watch window is switched back automatically" {
  # The degradation: the new colour's process is killed 2 s after the switch (a crash in production).
  (
    local deadline=$((SECONDS + 240))
    until grep -q '"release":"v2-degrading".*"step":"switch","outcome":"ok"' "${DRILL_DIR}/state/deploy.log" 2>/dev/null; do
      ((SECONDS < deadline)) || exit 0
      sleep 0.2
    done
    sleep 2
    kill -KILL "$(cat "${DRILL_DIR}/state/$(state active).pid")"
    date +%s%3N >"${DRILL_DIR}/killed-at"
  ) 3>&- &
  local killer=$!
  TRACEHUB_WATCH_SECONDS=20 under_load degrading deploy drill "${DRILL_DIR}/releases/v2.jar" --release v2-degrading --skip-backup \
    -- $DRILL_APP_ARGS
  kill "$killer" 2>/dev/null || true
  figures degrading
  echo "# drill degrading: switched back $(($(date -r "${DRILL_DIR}/state/active" +%s%3N) - $(cat "${DRILL_DIR}/killed-at" 2>/dev/null || echo 0))) ms after the kill; failures bounded by that window" >&3
  echo "# drill degrading: builds answering /health (first last changes counts): $(builds_seen)" >&3
  [ "$RC" -eq 3 ] || show_on_failure degrading
  [ "$RC" -eq 3 ]
  [ "$(state active)" = blue ]
  [[ "$(builds_seen)" == "${V1_BUILD} ${V1_BUILD} "* ]]
  [ "$(served_build)" = "$V1_BUILD" ]
  # The old colour is nginx's backup server through the watch window: what nginx cannot connect for goes
  # there, so only the requests in flight on the killed process can fail, at most one per load worker (4).
  [ "$(json_field "$LOAD" failed)" -le 4 ]
  run "$TOOL" smoke-test drill blue
  [ "$status" -eq 0 ]
}
