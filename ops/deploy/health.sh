#!/usr/bin/env bash
# Health probes against one colour, directly on its loopback port (never through the proxy).
# Globals read: TRACEHUB_PROBE_TIMEOUT (seconds per probe, default 2), TRACEHUB_READY_TIMEOUT
# (seconds to wait for readiness, default 60).

# http_status URL: the HTTP status code, 000 when nothing answered within the probe timeout.
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time "${TRACEHUB_PROBE_TIMEOUT:-2}" "$1" 2>/dev/null || true
}

colour_url() { printf 'http://127.0.0.1:%s\n' "$(colour_port "$1")"; }

# colour_build COLOUR: the build version COLOUR's /health reports (the artefact's own version, which a
# release label cannot vouch for); empty when it does not answer.
colour_build() {
  curl -s --max-time "${TRACEHUB_PROBE_TIMEOUT:-2}" "$(colour_url "$1")/health" 2>/dev/null |
    sed -n 's/.*"build" *: *"\([^"]*\)".*/\1/p'
}

is_ready() { [[ "$(http_status "$(colour_url "$1")/actuator/health/readiness")" == 200 ]]; }

# wait_ready COLOUR: polls readiness every second until 200; fails at the deadline, or at once when
# the colour's process has exited (a release that cannot start is not waited for).
wait_ready() {
  local colour="$1" deadline
  deadline=$((SECONDS + ${TRACEHUB_READY_TIMEOUT:-60}))
  while ((SECONDS < deadline)); do
    is_ready "$colour" && return 0
    if ! runtime_running "$colour"; then
      say "${colour} exited before becoming ready; last lines of its log:"
      runtime_log_tail "$colour" >&2 || true
      return 1
    fi
    sleep 1
  done
  say "${colour} not ready after ${TRACEHUB_READY_TIMEOUT:-60} s"
  return 1
}
