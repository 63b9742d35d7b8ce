#!/usr/bin/env bash
# One interface over the two runtimes (TRACEHUB_RUNTIME=process, the default, or compose):
# runtime_start COLOUR, runtime_stop COLOUR, runtime_running COLOUR, runtime_migrate COLOUR,
# runtime_log_tail COLOUR. What a colour runs is read from the state directory:
# <colour>.artefact (jar path or image), <colour>.release, <colour>.args (one app argument a line).

runtime_kind() {
  case "${TRACEHUB_RUNTIME:-process}" in
    process | compose) printf '%s\n' "${TRACEHUB_RUNTIME:-process}" ;;
    *) die "unknown runtime '${TRACEHUB_RUNTIME}'" "set TRACEHUB_RUNTIME to process or compose" ;;
  esac
}

colour_port() {
  case "$1" in
    blue) printf '%s\n' "$BLUE_PORT" ;;
    green) printf '%s\n' "$GREEN_PORT" ;;
    *) die "unknown colour '$1'" "use blue or green" ;;
  esac
}

colour_args() {
  local file="${STATE_DIR}/${1}.args"
  [[ -s "$file" ]] || return 0
  cat "$file"
}

runtime_start() {
  local colour="$1" artefact kind
  local -a args
  kind="$(runtime_kind)"
  artefact="$(cat "${STATE_DIR}/${colour}.artefact" 2>/dev/null)" || die "no release recorded for ${colour}" "deploy a release first"
  mapfile -t args < <(colour_args "$colour")
  "${kind}_start" "$colour" "$(colour_port "$colour")" "$artefact" ${args[@]+"${args[@]}"}
}

runtime_stop() { "$(runtime_kind)_stop" "$1"; }
runtime_running() { "$(runtime_kind)_running" "$1"; }
runtime_log_tail() { "$(runtime_kind)_log_tail" "$1"; }

# runtime_migrate COLOUR: migrates with the release recorded for COLOUR. The release's app arguments
# are for its instances only: the migration runs the changelog inside the artefact with the
# environment's settings and the owner's credentials, so an instance-level mistake (say, a wrong
# datasource setting) cannot reach the schema or the application role.
runtime_migrate() {
  local colour="$1" artefact
  artefact="$(cat "${STATE_DIR}/${colour}.artefact")"
  "$(runtime_kind)_migrate" "$artefact"
}
