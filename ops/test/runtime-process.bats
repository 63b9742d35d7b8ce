#!/usr/bin/env bats
# The process runtime's class-data sharing (ops/deploy/runtime-process.sh): the migration step of a
# deploy extracts the release and archives its classes; the release's starts map the archive. A fake
# java records how it was called; the real JVM doing it is exercised by drills.bats.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2034 # the tests set globals that the sourced libraries read
# shellcheck disable=SC2016 # the fake java is written in single quotes on purpose

bats_require_minimum_version 1.5.0

load fake-world

setup() {
  fake_setup
  load_config test
  mkdir -p "$STATE_DIR"
  : >"${W}/app.env"
  TRACEHUB_APP_ENV_FILE="${W}/app.env"
  TRACEHUB_JAVA="${BIN}/fakejava"
  # The fake: `extract --destination D` makes D/tracehub.jar and D/lib (unless told to fail);
  # -XX:ArchiveClassesAtExit=F writes F at "exit"; a start sleeps like a server. Every call is logged.
  cat >"${BIN}/fakejava" <<'FAKE'
#!/bin/bash
printf '%s\n' "$*" >>"${FAKE_LOG}"
for arg in "$@"; do
  case "$arg" in
    -XX:ArchiveClassesAtExit=*) archive="${arg#*=}" ;;
    --destination) next=dest ;;
    --tracehub.migrate-only=true) migrate=1 ;;
    *) [[ "${next:-}" != dest ]] || { dest="$arg"; next=; } ;;
  esac
done
if [[ -n "${dest:-}" ]]; then
  [[ ! -e "${FAKE_EXTRACT_FAILS:-/nonexistent}" ]] || exit 1
  mkdir -p "${dest}/lib" && echo extracted >"${dest}/tracehub.jar"
  exit 0
fi
if [[ -n "${migrate:-}" ]]; then
  [[ -z "${archive:-}" ]] || echo classes >"$archive"
  exit "${FAKE_MIGRATE_STATUS:-0}"
fi
sleep 30 # not exec: the process keeps its java arguments, which the runtime and the test read
FAKE
  chmod +x "${BIN}/fakejava"
  export FAKE_LOG="${W}/java-calls"
  touch "${W}/release.jar"
}

teardown() {
  local colour
  for colour in blue green; do process_stop "$colour" 2>/dev/null || true; done
}

# started_with COLOUR: the arguments of COLOUR's java, read from its process.
started_with() {
  local pid
  sleep 0.3
  pid="$(cat "${STATE_DIR}/${1}.pid")"
  tr '\0' ' ' <"/proc/${pid}/cmdline"
}

@test "the migration extracts the release once and leaves its class archive beside it" {
  install_release green "${W}/release.jar" r1
  runtime_migrate green
  local dir="${STATE_DIR}/releases/r1"
  [ -f "${dir}/app/tracehub.jar" ]
  [ -s "${dir}/app.jsa" ]
  [ ! -e "${dir}/.app.jsa.tmp" ] && [ ! -e "${dir}/.app.tmp" ]
  grep -q -- "-XX:ArchiveClassesAtExit=${dir}/.app.jsa.tmp -jar ${dir}/app/tracehub.jar --tracehub.migrate-only=true" "$FAKE_LOG"
  # A second migration of the same release (a re-run) neither extracts nor trains again.
  : >"$FAKE_LOG"
  runtime_migrate green
  [ "$(grep -c . "$FAKE_LOG")" -eq 1 ]
  grep -q -- "^-jar ${dir}/app/tracehub.jar --tracehub.migrate-only=true" "$FAKE_LOG"
}

@test "a start of a trained release maps its archive and runs the extracted jar" {
  install_release green "${W}/release.jar" r1 --extra=1
  runtime_migrate green
  runtime_start green
  local dir="${STATE_DIR}/releases/r1"
  [[ "$(started_with green)" == *"-Dtracehub-colour=green -XX:SharedArchiveFile=${dir}/app.jsa -jar ${dir}/app/tracehub.jar --extra=1 "* ]]
}

@test "a rollback target keeps its own archive: each release starts with the archive it trained" {
  install_release blue "${W}/release.jar" r1
  runtime_migrate blue
  cp "${W}/release.jar" "${W}/release2.jar"
  install_release green "${W}/release2.jar" r2
  runtime_migrate green
  runtime_start blue
  [[ "$(started_with blue)" == *"-XX:SharedArchiveFile=${STATE_DIR}/releases/r1/app.jsa -jar ${STATE_DIR}/releases/r1/app/tracehub.jar"* ]]
}

@test "a failed migration keeps no archive; the release then starts from its jar, without one" {
  install_release green "${W}/release.jar" r1
  FAKE_MIGRATE_STATUS=1 run runtime_migrate green
  [ "$status" -ne 0 ]
  [ ! -e "${STATE_DIR}/releases/r1/app.jsa" ] && [ ! -e "${STATE_DIR}/releases/r1/.app.jsa.tmp" ]
  runtime_start green
  [[ "$(started_with green)" == *"-Dtracehub-colour=green -jar ${STATE_DIR}/releases/r1/tracehub.jar "* ]]
}

@test "when extraction fails, the migration runs the jar itself and nothing is archived" {
  touch "${W}/extract-fails"
  export FAKE_EXTRACT_FAILS="${W}/extract-fails"
  install_release green "${W}/release.jar" r1
  runtime_migrate green
  [ ! -e "${STATE_DIR}/releases/r1/app" ] && [ ! -e "${STATE_DIR}/releases/r1/.app.tmp" ]
  grep -q -- "^-jar ${STATE_DIR}/releases/r1/tracehub.jar --tracehub.migrate-only=true" "$FAKE_LOG"
  runtime_start green
  [[ "$(started_with green)" == *"-jar ${STATE_DIR}/releases/r1/tracehub.jar "* ]]
}

@test "TRACEHUB_CDS=off runs the jar as it is, for migration and start" {
  TRACEHUB_CDS=off
  install_release green "${W}/release.jar" r1
  runtime_migrate green
  [ ! -e "${STATE_DIR}/releases/r1/app" ]
  runtime_start green
  [[ "$(started_with green)" == *"-Dtracehub-colour=green -jar ${STATE_DIR}/releases/r1/tracehub.jar "* ]]
}
