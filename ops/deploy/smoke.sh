#!/usr/bin/env bash
# The smoke test: what a user needs, checked on one colour directly with the dedicated smoke account
# (a viewer in its own organisation, created by the application from TRACEHUB_BOOTSTRAP_SMOKE_*).
# Globals read: TRACEHUB_SMOKE_EMAIL, TRACEHUB_SMOKE_PASSWORD or TRACEHUB_SMOKE_PASSWORD_FILE; when
# unset, TRACEHUB_BOOTSTRAP_SMOKE_EMAIL/PASSWORD from the application's environment file.

smoke_credentials() {
  SMOKE_EMAIL="${TRACEHUB_SMOKE_EMAIL:-$(env_file_value "${TRACEHUB_APP_ENV_FILE:-}" TRACEHUB_BOOTSTRAP_SMOKE_EMAIL)}"
  SMOKE_PASSWORD="$(secret TRACEHUB_SMOKE_PASSWORD)"
  [[ -n "$SMOKE_PASSWORD" ]] || SMOKE_PASSWORD="$(env_file_value "${TRACEHUB_APP_ENV_FILE:-}" TRACEHUB_BOOTSTRAP_SMOKE_PASSWORD)"
  if [[ -z "$SMOKE_EMAIL" || -z "$SMOKE_PASSWORD" ]]; then
    say "no smoke account configured"
    printf '  fix: set TRACEHUB_BOOTSTRAP_SMOKE_EMAIL and TRACEHUB_BOOTSTRAP_SMOKE_PASSWORD in the app environment file\n' >&2
    return 1
  fi
}

# smoke_check NAME EXPECTED ACTUAL: prints one result line, fails on a mismatch.
smoke_check() {
  if [[ "$3" == "$2" ]]; then
    say "  smoke ok: $1"
  else
    say "  smoke FAILED: $1 answered ${3}, expected ${2}"
    return 1
  fi
}

# smoke_test BASE_URL: health, readiness, the web page, sign-in and two authenticated API calls.
smoke_test() {
  local base="$1" token body status t="${TRACEHUB_PROBE_TIMEOUT:-2}"
  smoke_credentials || return 1
  smoke_check "GET /health" 200 "$(http_status "$base/health")" || return 1
  smoke_check "readiness" 200 "$(http_status "$base/actuator/health/readiness")" || return 1
  smoke_check "GET / (web client)" 200 "$(http_status "$base/")" || return 1
  # The password goes through stdin, never the command line.
  body="$(printf '{"email":%s,"password":%s}' "$(json_string "$SMOKE_EMAIL")" "$(json_string "$SMOKE_PASSWORD")" |
    curl -s --max-time $((t * 3)) -H 'Content-Type: application/json' --data-binary @- \
      -w '\n%{http_code}' "$base/api/auth/login" 2>/dev/null || true)"
  status="${body##*$'\n'}"
  smoke_check "sign-in as ${SMOKE_EMAIL}" 200 "$status" || return 1
  token="$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"${body%$'\n'*}")"
  [[ -n "$token" ]] || { say "  smoke FAILED: sign-in answered without an access token"; return 1; }
  smoke_check "GET /api/me" 200 "$(authed_status "$base/api/me" "$token")" || return 1
  smoke_check "GET /api/reference/locations" 200 "$(authed_status "$base/api/reference/locations" "$token")" || return 1
}

# authed_status URL TOKEN: the status of a GET with the bearer token (passed through a header file
# on stdin so it does not show in the process list).
authed_status() {
  printf 'Authorization: Bearer %s\n' "$2" |
    curl -s -o /dev/null -w '%{http_code}' --max-time "${TRACEHUB_PROBE_TIMEOUT:-2}" -H @- "$1" 2>/dev/null || true
}
