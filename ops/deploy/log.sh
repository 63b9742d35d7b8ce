#!/usr/bin/env bash
# The append-only deploy log: one JSON object per line, one line per step outcome.
# Globals read: DEPLOY_LOG, DEPLOY_ENV, DEPLOY_RELEASE, DEPLOY_FROM, DEPLOY_TO.

json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/ }"
  s="${s//$'\t'/ }"
  printf '"%s"' "$s"
}

# log_step STEP OUTCOME [DURATION_MS] [DETAIL]
log_step() {
  local step="$1" outcome="$2" duration="${3:-}" detail="${4:-}" line
  line="{\"time\":$(json_string "$(date -u +%FT%T.%3NZ)")"
  line+=",\"env\":$(json_string "${DEPLOY_ENV:-}"),\"user\":$(json_string "$(id -un 2>/dev/null || echo '?')")"
  line+=",\"release\":$(json_string "${DEPLOY_RELEASE:-}"),\"from\":$(json_string "${DEPLOY_FROM:-}")"
  line+=",\"to\":$(json_string "${DEPLOY_TO:-}"),\"step\":$(json_string "$step"),\"outcome\":$(json_string "$outcome")"
  [[ -z "$duration" ]] || line+=",\"duration_ms\":${duration}"
  [[ -z "$detail" ]] || line+=",\"detail\":$(json_string "$detail")"
  line+="}"
  mkdir -p "$(dirname "$DEPLOY_LOG")"
  printf '%s\n' "$line" >>"$DEPLOY_LOG"
  say "${step}: ${outcome}${duration:+ (${duration} ms)}${detail:+ - ${detail}}"
}
