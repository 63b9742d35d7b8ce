#!/usr/bin/env bash
# Process runtime: each colour is a plain `java -jar` process in its own session, its pid in the
# state directory, its output in <state>/logs/<colour>.log.
# Globals read: STATE_DIR, TRACEHUB_APP_ENV_FILE, TRACEHUB_JAVA (default java), TRACEHUB_JAVA_OPTS,
# TRACEHUB_CDS (on, the default, or off).
#
# Class-data sharing: most of a colour's start, and so most of a rollback, is the JVM loading and
# verifying some 20,000 classes. The migration step of a deploy is the release's first run, so it
# doubles as a training run: it extracts the release next to its jar (releases/<release>/app/, a
# plain jar plus lib/, which CDS can archive where a nested fat jar cannot) and writes the archive of
# the classes it loaded (releases/<release>/app.jsa). Every start of that release maps the archive,
# the rollback to it included. A missing or unusable archive only costs the speed: the JVM then
# loads classes as usual.

process_pid() {
  local pid
  pid="$(cat "${STATE_DIR}/${1}.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # Only our own process counts: a recycled pid belonging to something else does not.
  { tr '\0' ' ' <"/proc/${pid}/cmdline"; } 2>/dev/null | grep -q -- "-Dtracehub-colour=${1} " || return 1
  printf '%s\n' "$pid"
}

process_running() { process_pid "$1" >/dev/null; }

# Closes every descriptor above stderr (the deploy lock, a test runner's pipes) in a subshell.
close_inherited_fds() {
  local fd
  for fd in /proc/self/fd/*; do
    fd="${fd##*/}"
    ((fd > 2)) || continue
    eval "exec ${fd}>&-" 2>/dev/null || true
  done
}

# cds_dir JAR: the release directory that holds JAR's extracted form and class archive.
cds_dir() { dirname "$1"; }

# cds_extract JAR: extracts JAR once into <release>/app (atomically); fails when it cannot.
cds_extract() {
  local dir
  dir="$(cds_dir "$1")"
  [[ ! -f "${dir}/app/tracehub.jar" ]] || return 0
  rm -rf "${dir}/.app.tmp"
  if "${TRACEHUB_JAVA:-java}" -Djarmode=tools -jar "$1" extract --destination "${dir}/.app.tmp" \
    </dev/null >>"${STATE_DIR}/logs/migrate.log" 2>&1 3>&- 4>&- && [[ -f "${dir}/.app.tmp/tracehub.jar" ]]; then
    mv "${dir}/.app.tmp" "${dir}/app"
  else
    rm -rf "${dir}/.app.tmp"
    return 1
  fi
}

# cds_start_args JAR: the JVM arguments that run JAR: its extracted form with the class archive
# when both exist (and CDS is on), else JAR itself. One argument a line.
cds_start_args() {
  local dir
  dir="$(cds_dir "$1")"
  if [[ "${TRACEHUB_CDS:-on}" == on && -f "${dir}/app/tracehub.jar" && -s "${dir}/app.jsa" ]]; then
    printf '%s\n' "-XX:SharedArchiveFile=${dir}/app.jsa" -jar "${dir}/app/tracehub.jar"
  else
    printf '%s\n' -jar "$1"
  fi
}

# process_start COLOUR PORT JAR [APP ARGS...]
process_start() {
  local colour="$1" port="$2" jar="$3" log
  shift 3
  local -a env_lines java_opts run
  mapfile -t run < <(cds_start_args "$jar")
  mapfile -t env_lines < <(env_file_lines "${TRACEHUB_APP_ENV_FILE:-}" | grep -v '^SPRING_LIQUIBASE_\(USER\|PASSWORD\)' || true)
  read -ra java_opts <<<"${TRACEHUB_JAVA_OPTS:-}"
  mkdir -p "${STATE_DIR}/logs"
  log="${STATE_DIR}/logs/${colour}.log"
  printf -- '--- %s start %s\n' "$(date -u +%FT%TZ)" "$(cat "${STATE_DIR}/${colour}.release" 2>/dev/null)" >>"$log"
  # App instances never migrate (that is the deploy's separate step) and never get the owner's
  # credentials; the environment file may still override SPRING_LIQUIBASE_ENABLED.
  # The colour outlives this command: it must not inherit the deploy lock (or any other descriptor).
  (
    close_inherited_fds
    exec env -u SPRING_LIQUIBASE_USER -u SPRING_LIQUIBASE_PASSWORD -u SPRING_LIQUIBASE_PASSWORD_FILE \
      SPRING_LIQUIBASE_ENABLED=false "${env_lines[@]}" SERVER_PORT="$port" \
      TRACEHUB_RELEASE="$(cat "${STATE_DIR}/${colour}.release" 2>/dev/null || echo unknown)" \
      setsid "${TRACEHUB_JAVA:-java}" "-Dtracehub-colour=${colour}" ${java_opts[@]+"${java_opts[@]}"} \
      "${run[@]}" "$@" </dev/null >>"$log" 2>&1
  ) &
  printf '%s\n' "$!" >"${STATE_DIR}/${colour}.pid"
}

# process_stop COLOUR: graceful stop (SIGTERM; the app finishes requests in flight), SIGKILL after 30 s.
process_stop() {
  local colour="$1" pid
  pid="$(process_pid "$colour")" || { rm -f "${STATE_DIR}/${colour}.pid"; return 0; }
  stop_gracefully "$pid" 30
  rm -f "${STATE_DIR}/${colour}.pid"
}

# process_migrate JAR: Liquibase as the owner, no web server; exits when done. With CDS on, it runs
# the extracted release and archives the classes it loaded, for the release's starts.
process_migrate() {
  local jar="$1" dir status=0
  local -a env_lines owner_lines java_opts run=(-jar "$1")
  mapfile -t env_lines < <(env_file_lines "${TRACEHUB_APP_ENV_FILE:-}")
  mapfile -t owner_lines < <(env_file_lines "${TRACEHUB_OWNER_ENV_FILE:-}")
  read -ra java_opts <<<"${TRACEHUB_JAVA_OPTS:-}"
  mkdir -p "${STATE_DIR}/logs"
  dir="$(cds_dir "$jar")"
  if [[ "${TRACEHUB_CDS:-on}" == on ]] && cds_extract "$jar"; then
    run=(-jar "${dir}/app/tracehub.jar")
    [[ -s "${dir}/app.jsa" ]] || run=("-XX:ArchiveClassesAtExit=${dir}/.app.jsa.tmp" "${run[@]}")
  fi
  env "${env_lines[@]}" ${owner_lines[@]+"${owner_lines[@]}"} SPRING_LIQUIBASE_ENABLED=true \
    timeout "${TRACEHUB_MIGRATE_TIMEOUT:-600}" "${TRACEHUB_JAVA:-java}" ${java_opts[@]+"${java_opts[@]}"} \
    "${run[@]}" --tracehub.migrate-only=true </dev/null >>"${STATE_DIR}/logs/migrate.log" 2>&1 3>&- 4>&- || status=$?
  # Only a successful training run's archive is kept: a failed or interrupted one is discarded.
  if ((status == 0)) && [[ -s "${dir}/.app.jsa.tmp" ]]; then mv -f "${dir}/.app.jsa.tmp" "${dir}/app.jsa"; fi
  rm -f "${dir}/.app.jsa.tmp"
  return "$status"
}

process_log_tail() { tail -n 20 "${STATE_DIR}/logs/${1}.log" 2>/dev/null; }
