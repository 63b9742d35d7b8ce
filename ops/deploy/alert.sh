#!/usr/bin/env bash
# Alerts of the operations tools (docs/operations/alerts.md): one function, `alert`, used by every
# site that raises one (deploy, switch-back, rollback, backups, drills, disk checks, CI).
#
# An alert always reaches stderr as one `ALERT: ...` line (cron mail, the systemd journal, the CI log
# see it), is appended as a JSON line to <state dir>/alerts.log when that directory is writable, and,
# when a webhook is configured, is POSTed to it. Sourced by ops/tracehub and ops/backup/lib.sh; it
# defines functions only and depends on nothing else of ops/, so that every tool can use it.
#
# Configuration (environment or /etc/tracehub/<env>.conf):
#   TRACEHUB_ALERT_WEBHOOK(_FILE)         URL the JSON document is POSTed to (a secret: never printed)
#   TRACEHUB_ALERT_WEBHOOK_SECRET(_FILE)  key of the X-TraceHub-Signature header (HMAC-SHA256 of the body)
#   TRACEHUB_ALERT_LOG                    the JSON-lines log (default <state dir>/alerts.log)
#   TRACEHUB_ALERT_TIMEOUT                seconds per attempt (default 10; connecting: at most 5)
#
# An alert must never change the outcome of the operation that raised it: `alert` always returns 0,
# whatever happens to the webhook, and prints a warning instead. ALERT_DELIVERY tells the caller what
# happened to the webhook: sent, failed or off (no webhook configured).

ALERT_DELIVERY=off

# alert KIND SUMMARY [DETAIL]: raises an alert. KIND is a short machine-readable word
# (deploy-failed, switched-back, rollback, backup-stale, ...; the list is in docs/operations/alerts.md).
alert() {
  local kind="$1" summary="$2" detail="${3:-}" body url key signature="" line
  line="ALERT: ${summary}${detail:+ - ${detail}}"
  printf '%s\n' "${line//[$'\n\r']/ }" >&2 # one line, whatever the texts hold
  body="$(_alert_document "$kind" "$summary" "$detail")"
  ALERT_DELIVERY=off
  url="$(_alert_setting TRACEHUB_ALERT_WEBHOOK)" || url=""
  if [[ -n "$url" ]]; then
    key="$(_alert_setting TRACEHUB_ALERT_WEBHOOK_SECRET)" || key=""
    [[ -z "$key" ]] || signature="$(_alert_hmac_sha256 "$key" "$body")"
    if _alert_post "$url" "$body" "$signature"; then ALERT_DELIVERY=sent; else ALERT_DELIVERY=failed; fi
  fi
  line="${body%\}},\"webhook\":\"${ALERT_DELIVERY}\"}"
  _alert_log "$line"
  return 0
}

# The severity of a kind: critical needs someone now, warning needs a look today, notice is for the record.
_alert_severity() {
  case "$1" in
    backup-failed | backup-stale | drill-failed | disk-low | wal-large | deploy-degraded | switch-back-failed | rollback-failed) printf 'critical' ;;
    rollback | test) printf 'notice' ;;
    *) printf 'warning' ;;
  esac
}

_alert_json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/ }"
  s="${s//$'\r'/ }"
  s="${s//$'\t'/ }"
  printf '"%s"' "$s"
}

_alert_environment() { printf '%s' "${ALERT_ENV:-${DEPLOY_ENV:-}}"; }

# The release concerned: the one being deployed, else the one the active colour runs (when known).
_alert_release() {
  local dir="${STATE_DIR:-${TRACEHUB_STATE_DIR:-}}" active=""
  if [[ -n "${DEPLOY_RELEASE:-}" ]]; then
    printf '%s' "$DEPLOY_RELEASE"
  elif [[ -n "$dir" && -r "${dir}/active" ]]; then
    active="$(cat "${dir}/active" 2>/dev/null)" || active=""
    [[ ! "$active" =~ ^(blue|green)$ ]] || cat "${dir}/${active}.release" 2>/dev/null || true
  fi
}

# The JSON document: kind, severity, environment, summary, detail, host, time, release, source and a
# `text` line, so that chat webhooks (Slack, Mattermost, Rocket.Chat) show something readable as is.
_alert_document() {
  local kind="$1" summary="$2" detail="$3" env release doc
  env="$(_alert_environment)"
  release="$(_alert_release)"
  doc="{\"kind\":$(_alert_json_string "$kind"),\"severity\":$(_alert_json_string "$(_alert_severity "$kind")")"
  doc+=",\"environment\":$(_alert_json_string "$env"),\"summary\":$(_alert_json_string "$summary")"
  doc+=",\"detail\":$(_alert_json_string "$detail"),\"host\":$(_alert_json_string "${HOSTNAME:-$(uname -n)}")"
  doc+=",\"time\":$(_alert_json_string "$(date -u +%FT%TZ)"),\"release\":$(_alert_json_string "$release")"
  doc+=",\"source\":$(_alert_json_string "$(basename "$0")")"
  doc+=",\"text\":$(_alert_json_string "TraceHub ${env:-?} ${kind}: ${summary}${detail:+ - ${detail}}")}"
  printf '%s' "$doc"
}

# _alert_setting NAME: $NAME, or the contents of the file in $NAME_FILE (first line). Unlike
# `secret` of common.sh it never exits: an unreadable file is a warning and no value.
_alert_setting() {
  local name="$1" file_var="${1}_FILE" value=""
  if [[ -n "${!name:-}" ]]; then
    printf '%s' "${!name}"
  elif [[ -n "${!file_var:-}" ]]; then
    if [[ -r "${!file_var}" ]] && IFS= read -r value <"${!file_var}" || [[ -n "$value" ]]; then
      printf '%s' "$value"
    else
      printf 'warning: cannot read %s; the alert is not sent to the webhook\n' "$file_var" >&2
      return 1
    fi
  fi
}

# _alert_hmac_sha256 KEY MESSAGE: hex HMAC-SHA256 (RFC 2104) computed with sha256sum, so that the key
# is never a command-line argument (openssl -hmac KEY would show it in ps to every local user).
_alert_hmac_sha256() {
  local key="$1" message="$2" hex i byte ipad="" opad="" escaped inner
  hex="$(printf '%s' "$key" | od -An -v -tx1 | tr -d ' \n')"
  ((${#hex} <= 128)) || hex="$(printf '%s' "$key" | sha256sum | cut -c1-64)"
  while ((${#hex} < 128)); do hex+=00; done
  for ((i = 0; i < 128; i += 2)); do
    byte=$((16#${hex:i:2}))
    printf -v escaped '\\x%02x' $((byte ^ 0x36))
    ipad+="$escaped"
    printf -v escaped '\\x%02x' $((byte ^ 0x5c))
    opad+="$escaped"
  done
  # shellcheck disable=SC2059 # the pads are \xHH escapes on purpose: bytes, NUL included, to the pipe
  inner="$({ printf "$ipad"; printf '%s' "$message"; } | sha256sum | cut -c1-64)"
  escaped=""
  for ((i = 0; i < 64; i += 2)); do escaped+="\\x${inner:i:2}"; done
  # shellcheck disable=SC2059
  { printf "$opad"; printf "$escaped"; } | sha256sum | cut -c1-64
}

# _alert_post URL BODY SIGNATURE: one POST, retried once on a transient failure. The URL and the
# headers travel in a curl config on a pipe, never on the command line; curl's own messages (which
# can name the host) are replaced by the exit code and HTTP status.
_alert_post() {
  local url="$1" body="$2" signature="$3" status rc=0 timeout="${TRACEHUB_ALERT_TIMEOUT:-10}"
  command -v curl >/dev/null 2>&1 || { printf 'warning: curl not found; the alert is not sent to the webhook\n' >&2; return 1; }
  [[ "$timeout" =~ ^[0-9]+$ && "$timeout" -gt 0 ]] || timeout=10
  url="${url//\\/\\\\}"
  url="${url//\"/\\\"}"
  status="$(printf '%s' "$body" | curl -s -o /dev/null -w '%{http_code}' --fail \
    --connect-timeout "$((timeout < 5 ? timeout : 5))" --max-time "$timeout" \
    --retry 1 --retry-delay 1 --retry-connrefused --retry-max-time "$((2 * timeout + 2))" \
    --data-binary @- \
    -K <(printf 'url = "%s"\nheader = "Content-Type: application/json"\nheader = "User-Agent: tracehub-alert"\n' "$url"
      [[ -z "$signature" ]] || printf 'header = "X-TraceHub-Signature: sha256=%s"\n' "$signature") 2>/dev/null)" || rc=$?
  ((rc == 0)) && return 0
  printf 'warning: the alert webhook did not accept the alert (curl exit %s, HTTP %s); the ALERT line above stands\n' \
    "$rc" "${status:-000}" >&2
  return 1
}

# _alert_log LINE: appends to the alert log when its directory exists and is writable (the backup
# jobs run as postgres, which may not write the deploy state directory: then stderr is the record).
_alert_log() {
  local log="${TRACEHUB_ALERT_LOG:-}" dir="${STATE_DIR:-${TRACEHUB_STATE_DIR:-}}"
  [[ -n "$log" || -z "$dir" ]] || log="${dir}/alerts.log"
  [[ -n "$log" && -d "$(dirname "$log")" && -w "$(dirname "$log")" ]] || return 0
  [[ ! -e "$log" || -w "$log" ]] || return 0
  printf '%s\n' "$1" >>"$log" 2>/dev/null || true
}
