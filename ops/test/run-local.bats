#!/usr/bin/env bats
# Tests the functions of ops/run-local.sh; nothing here builds or starts the application.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $stderr is set by bats' run --separate-stderr

bats_require_minimum_version 1.5.0

setup() {
  # shellcheck source=../run-local.sh
  source "${BATS_TEST_DIRNAME}/../run-local.sh"
  ROOT="${BATS_TEST_TMPDIR}/repo"
  BIN="${BATS_TEST_TMPDIR}/bin"
  mkdir -p "$ROOT/backend/src/main/java" "$ROOT/backend/target" "$ROOT/web/src" "$BIN"
  touch "$ROOT/pom.xml" "$ROOT/web/index.html" "$ROOT/web/package.json" \
    "$ROOT/backend/src/main/java/App.java" "$ROOT/web/src/main.tsx"
  # Directories count too (a deleted source changes its directory), so age everything.
  find "$ROOT" -exec touch -d '3 days ago' {} +
}

# Runs "$@" with PATH set to $1 only, so that no real java/node is found.
with_path() {
  local PATH="$1"
  shift
  "$@"
}

# Puts a fake command named $1 printing $2 (to stderr when $3 is "stderr") first on PATH.
fake() {
  local target=''
  [[ "${3:-}" != stderr ]] || target=' >&2'
  printf '#!/bin/sh\necho "%s"%s\n' "$2" "$target" >"$BIN/$1"
  chmod +x "$BIN/$1"
}

jar_built_at() { touch -d "$1" "$ROOT/backend/target/tracehub.jar"; }

@test "needs a build when there is no jar" {
  needs_rebuild "$ROOT"
}

@test "needs no build when the jar is newer than every input" {
  jar_built_at '2 days ago'
  run ! needs_rebuild "$ROOT"
}

@test "needs a build when a backend source changed after the jar" {
  jar_built_at '2 days ago'
  touch -d '1 day ago' "$ROOT/backend/src/main/java/App.java"
  needs_rebuild "$ROOT"
}

@test "needs a build when a new web source appears" {
  jar_built_at '2 days ago'
  mkdir -p "$ROOT/web/src/features/x"
  touch -d '1 day ago' "$ROOT/web/src/features/x/page.tsx"
  needs_rebuild "$ROOT"
}

@test "needs a build when web/index.html or web/package.json changed" {
  jar_built_at '2 days ago'
  touch -d '1 day ago' "$ROOT/web/index.html"
  needs_rebuild "$ROOT"
  touch -d '3 days ago' "$ROOT/web/index.html"
  touch -d '1 day ago' "$ROOT/web/package.json"
  needs_rebuild "$ROOT"
}

@test "ignores inputs that do not exist" {
  rm "$ROOT/pom.xml"
  jar_built_at '2 days ago'
  run ! needs_rebuild "$ROOT"
}

@test "needs a build when the committed API contract changed" {
  mkdir -p "$ROOT/docs/api"
  touch -d '3 days ago' "$ROOT/docs/api/openapi.json" "$ROOT/docs/api" "$ROOT/docs"
  jar_built_at '2 days ago'
  touch -d '1 day ago' "$ROOT/docs/api/openapi.json"
  needs_rebuild "$ROOT"
}

@test "ignores the API types that npm regenerates" {
  mkdir -p "$ROOT/web/src/lib/api"
  touch "$ROOT/web/src/lib/api/schema.d.ts"
  touch -d '3 days ago' "$ROOT/web/src/lib/api" "$ROOT/web/src/lib" "$ROOT/web/src"
  jar_built_at '2 days ago'
  touch -d '1 day ago' "$ROOT/web/src/lib/api/schema.d.ts"
  run ! needs_rebuild "$ROOT"
}

@test "ignores changes outside the build inputs" {
  jar_built_at '2 days ago'
  mkdir -p "$ROOT/docs"
  touch -d '1 day ago' "$ROOT/docs/notes.md" "$ROOT/README.md"
  run ! needs_rebuild "$ROOT"
}

@test "compares versions numerically, component by component" {
  version_at_least 20.19.0 20.19
  version_at_least 20.20.2 20.19
  version_at_least 22.1.0 20.19
  version_at_least 17 17
  run ! version_at_least 20.9.0 20.19
  run ! version_at_least 18.20.4 20.19
  run ! version_at_least 20.18.3 20.19
}

@test "reads the Java feature version from java -version output" {
  [ "$(java_major 'openjdk version "17.0.15" 2025-04-15')" = 17 ]
  [ "$(java_major 'openjdk version "21" 2023-09-19')" = 21 ]
  [ "$(java_major 'java version "1.8.0_402"')" = 8 ]
  [ "$(java_major 'openjdk version "25-ea" 2025-09-16')" = 25 ]
  run ! java_major 'no version here'
}

@test "accepts Java 17" {
  fake java 'openjdk version \"17.0.15\" 2025-04-15' stderr
  with_path "$BIN" check_java
}

@test "rejects Java 11 with a hint on stderr" {
  fake java 'openjdk version \"11.0.22\" 2024-01-16' stderr
  run --separate-stderr with_path "$BIN" check_java
  [ "$status" -ne 0 ]
  [ -z "$output" ]
  [[ "$stderr" == *"Java 11 found, TraceHub needs 17+"* ]]
  [[ "$stderr" == *"fix: install JDK 17"* ]]
}

@test "reports a missing java with a hint" {
  run --separate-stderr with_path "$BIN" check_java
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"java not found on PATH"* ]]
  [[ "$stderr" == *"fix:"* ]]
}

@test "accepts a JDK and Node 20.19+ for building" {
  fake javac 'javac 17.0.15'
  fake node 'v20.20.2'
  fake npm '11.19.1'
  with_path "$BIN" check_build_tools
}

@test "rejects Node 18 for building" {
  fake javac 'javac 17.0.15'
  fake node 'v18.20.4'
  fake npm '10.7.0'
  run --separate-stderr with_path "$BIN" check_build_tools
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"Node 18.20.4 found, the web build needs 20.19+"* ]]
}

@test "asks for a JDK when only a JRE is present" {
  fake node 'v20.20.2'
  fake npm '11.19.1'
  run --separate-stderr with_path "$BIN" check_build_tools
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"javac not found"* ]]
}

@test "reports a missing npm" {
  fake javac 'javac 17.0.15'
  fake node 'v20.20.2'
  run --separate-stderr with_path "$BIN" check_build_tools
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"npm not found"* ]]
}

@test "separates its own options from the application's" {
  parse_args --rebuild --server.port=9090 --reset -y --logging.level.root=debug
  [ "$REBUILD" = true ]
  [ "$RESET" = true ]
  [ "$ASSUME_YES" = true ]
  [ "${APP_ARGS[*]}" = "--server.port=9090 --logging.level.root=debug" ]
}

@test "passes everything after -- to the application" {
  parse_args -- --rebuild
  [ "$REBUILD" = false ]
  [ "${APP_ARGS[*]}" = "--rebuild" ]
}

@test "uses TRACEHUB_DATA_DIR as the data directory, .tracehub otherwise" {
  [ "$(TRACEHUB_DATA_DIR='' data_dir)" = .tracehub ]
  [ "$(TRACEHUB_DATA_DIR=/srv/th data_dir)" = /srv/th ]
}

@test "reset deletes the data directory when confirmed" {
  mkdir -p "$ROOT/.tracehub/pgdata"
  run reset_data "$ROOT/.tracehub" false <<<"y"
  [ "$status" -eq 0 ]
  [ ! -e "$ROOT/.tracehub" ]
}

@test "reset keeps the data directory when not confirmed" {
  mkdir -p "$ROOT/.tracehub/pgdata"
  run reset_data "$ROOT/.tracehub" false <<<"n"
  [ "$status" -ne 0 ]
  [ -d "$ROOT/.tracehub/pgdata" ]
}

@test "reset keeps the data directory when there is no answer" {
  mkdir -p "$ROOT/.tracehub/pgdata"
  run reset_data "$ROOT/.tracehub" false </dev/null
  [ "$status" -ne 0 ]
  [ -d "$ROOT/.tracehub/pgdata" ]
}

@test "reset with --yes does not ask" {
  mkdir -p "$ROOT/.tracehub/pgdata"
  run reset_data "$ROOT/.tracehub" true </dev/null
  [ "$status" -eq 0 ]
  [ ! -e "$ROOT/.tracehub" ]
}

@test "reset refuses dangerous directories" {
  run reset_data / true
  [ "$status" -ne 0 ]
  run reset_data "" true
  [ "$status" -ne 0 ]
}

@test "reset of a missing directory is not an error" {
  run reset_data "$ROOT/nothing-here" true
  [ "$status" -eq 0 ]
}

# The whole script in a throw-away repository whose java and mvnw only print what they were asked.
install_script_copy() {
  mkdir -p "$ROOT/ops"
  cp "${BATS_TEST_DIRNAME}/../run-local.sh" "$ROOT/ops/"
  fake javac 'javac 17.0.15'
  fake node 'v20.20.2'
  fake npm '11.19.1'
  cat >"$BIN/java" <<'EOF'
#!/bin/sh
if [ "$1" = -version ]; then echo 'openjdk version "17.0.15"' >&2; else echo "java $*"; fi
EOF
  cat >"$ROOT/mvnw" <<'EOF'
#!/bin/sh
echo "mvnw $*"
touch backend/target/tracehub.jar
EOF
  chmod +x "$BIN/java" "$ROOT/mvnw"
}

@test "prints its usage without building anything" {
  run "${BATS_TEST_DIRNAME}/../run-local.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"--rebuild"* && "$output" == *"--reset"* ]]
}

@test "starts an up-to-date jar with the local profile and the extra arguments" {
  install_script_copy
  jar_built_at '2 days ago'
  PATH="$BIN:$PATH" run --separate-stderr "$ROOT/ops/run-local.sh" --server.port=9090
  [ "$status" -eq 0 ]
  [ "$output" = "java -jar backend/target/tracehub.jar --spring.profiles.active=local --server.port=9090" ]
  [[ "$stderr" != *building* ]]
}

@test "builds first when the jar is missing" {
  install_script_copy
  PATH="$BIN:$PATH" run --separate-stderr "$ROOT/ops/run-local.sh"
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "mvnw -B -q package -DskipTests -pl web,backend" ]
  [ "${lines[1]}" = "java -jar backend/target/tracehub.jar --spring.profiles.active=local" ]
}

@test "builds an up-to-date jar again with --rebuild" {
  install_script_copy
  jar_built_at '2 days ago'
  PATH="$BIN:$PATH" run --separate-stderr "$ROOT/ops/run-local.sh" --rebuild
  [ "$status" -eq 0 ]
  [[ "${lines[0]}" == "mvnw "* ]]
}

@test "resets the data directory, then starts" {
  install_script_copy
  jar_built_at '2 days ago'
  mkdir -p "$ROOT/.tracehub/pgdata"
  PATH="$BIN:$PATH" run --separate-stderr "$ROOT/ops/run-local.sh" --reset --yes
  [ "$status" -eq 0 ]
  [ ! -e "$ROOT/.tracehub" ]
  [[ "$output" == "java -jar "* ]]
}
