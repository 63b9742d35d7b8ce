#!/usr/bin/env bash
# Compose runtime: the colours are the services app-blue and app-green of the environment's compose
# file, each running the image named by TRACEHUB_IMAGE_BLUE / TRACEHUB_IMAGE_GREEN; migrations are
# the one-off service `migrate` (same image, --tracehub.migrate-only=true, owner credentials).
# Globals read: STATE_DIR, TRACEHUB_COMPOSE_FILE, TRACEHUB_COMPOSE_PROJECT, TRACEHUB_DOCKER.

compose() {
  [[ -n "${TRACEHUB_COMPOSE_FILE:-}" ]] || die "TRACEHUB_COMPOSE_FILE is not set" "point it at the environment's compose file (ops/compose/)"
  local -a images=()
  local c image
  for c in blue green; do
    image="$(cat "${STATE_DIR}/${c}.artefact" 2>/dev/null || true)"
    [[ -z "$image" ]] || images+=("TRACEHUB_IMAGE_${c^^}=${image}")
  done
  env ${images[@]+"${images[@]}"} "${TRACEHUB_DOCKER:-docker}" compose -f "$TRACEHUB_COMPOSE_FILE" \
    -p "${TRACEHUB_COMPOSE_PROJECT:-tracehub-${DEPLOY_ENV}}" "$@"
}

compose_running() {
  [[ -n "$(compose ps --status running --quiet "app-${1}" 2>/dev/null)" ]]
}

# compose_start COLOUR PORT IMAGE [APP ARGS...]: the port and arguments are fixed by the compose file.
compose_start() {
  TRACEHUB_RELEASE="$(cat "${STATE_DIR}/${1}.release" 2>/dev/null || echo unknown)" \
    compose up -d --no-deps --force-recreate "app-${1}"
}

compose_stop() { compose stop --timeout 30 "app-${1}"; }

# compose_migrate IMAGE: the migrate service runs TRACEHUB_IMAGE_MIGRATE.
compose_migrate() { TRACEHUB_IMAGE_MIGRATE="$1" compose run --rm --no-deps migrate; }

compose_log_tail() { compose logs --tail 20 "app-${1}" 2>/dev/null; }
