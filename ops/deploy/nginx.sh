#!/usr/bin/env bash
# The traffic switch: nginx proxies to the upstream named in one included file,
#   upstream-<env>.conf:   server 127.0.0.1:<port>;
# which is replaced atomically and reloaded; on any failure the previous file comes back.
# Globals read: TRACEHUB_NGINX_UPSTREAM_FILE, TRACEHUB_NGINX_CONF (optional -c for nginx),
# TRACEHUB_NGINX_PID_FILE, TRACEHUB_DRAIN_TIMEOUT (seconds, default 120).

nginx_cmd() {
  if [[ -n "${TRACEHUB_NGINX_CONF:-}" ]]; then
    "${TRACEHUB_NGINX_BIN:-nginx}" -c "$TRACEHUB_NGINX_CONF" "$@"
  else
    "${TRACEHUB_NGINX_BIN:-nginx}" "$@"
  fi
}

nginx_master_pid() {
  local file="${TRACEHUB_NGINX_PID_FILE:-/run/nginx.pid}"
  [[ -r "$file" ]] || die "nginx pid file ${file} not readable" "start nginx, or set TRACEHUB_NGINX_PID_FILE"
  tr -dc '0-9' <"$file"
}

# The worker processes of the nginx master, one pid per line.
nginx_workers() { pgrep -P "$(nginx_master_pid)" || true; }

# The port the upstream file points at (empty when there is none).
upstream_port() {
  sed -n 's/^[[:space:]]*server[[:space:]]*127\.0\.0\.1:\([0-9]*\);.*/\1/p' "$TRACEHUB_NGINX_UPSTREAM_FILE" 2>/dev/null | head -n 1
}

# The port of the upstream file's backup server (empty when there is none).
upstream_backup_port() {
  sed -n 's/^[[:space:]]*server[[:space:]]*127\.0\.0\.1:\([0-9]*\)[[:space:]]\{1,\}backup;.*/\1/p' "$TRACEHUB_NGINX_UPSTREAM_FILE" 2>/dev/null | head -n 1
}

# write_upstream FILE PORT COLOUR [BACKUP_PORT BACKUP_COLOUR]: the active colour, and optionally the
# previous one as nginx's `backup` server: nginx then passes a request the active colour refuses at
# connect time (a crashed process) to the backup, and sends it nothing otherwise.
write_upstream() {
  local file="$1" port="$2" colour="$3" backup_port="${4:-}" backup_colour="${5:-}"
  {
    printf '# written by ops/tracehub: %s%s\nserver 127.0.0.1:%s;\n' "$colour" "${backup_port:+, ${backup_colour} as backup}" "$port"
    [[ -z "$backup_port" ]] || printf 'server 127.0.0.1:%s backup;\n' "$backup_port"
  } >"$file"
}

# nginx_reload OLD_WORKERS: reload and wait until a worker that was not in OLD_WORKERS serves, which
# proves the master accepted the new configuration (nginx -s reload returns before that).
nginx_reload() {
  local old="$1" pid deadline
  local out
  # "signal process started" is nginx's normal chatter; anything else is shown.
  out="$(nginx_cmd -s reload 2>&1)" || { printf '%s\n' "$out" >&2; return 1; }
  grep -v 'signal process started' <<<"$out" >&2 || true
  deadline=$((SECONDS + 10))
  while ((SECONDS < deadline)); do
    for pid in $(nginx_workers); do
      grep -qx "$pid" <<<"$old" || return 0
    done
    sleep 0.1
  done
  say "nginx started no new workers within 10 s: the reload failed (see nginx's error log)"
  return 1
}

# nginx_switch PORT COLOUR [BACKUP_PORT BACKUP_COLOUR]: points the upstream at PORT (with a backup
# server when given). Sets OLD_WORKERS for nginx_drain.
nginx_switch() {
  local port="$1" colour="$2" file="$TRACEHUB_NGINX_UPSTREAM_FILE" tmp backup
  tmp="$(mktemp "${file}.new.XXXXXX")"
  backup="${file}.previous"
  write_upstream "$tmp" "$port" "$colour" "${3:-}" "${4:-}"
  if [[ -e "$file" ]]; then cp -p "$file" "$backup"; else : >"$backup"; fi
  OLD_WORKERS="$(nginx_workers)"
  mv -f "$tmp" "$file"
  if ! nginx_cmd -t -q; then
    say "nginx -t rejected the new upstream; restoring the previous one"
    mv -f "$backup" "$file"
    return 1
  fi
  if ! nginx_reload "$OLD_WORKERS"; then
    say "nginx reload failed; restoring the previous upstream"
    mv -f "$backup" "$file"
    nginx_reload "$(nginx_workers)" || say "reload of the previous upstream failed too: check nginx now"
    return 1
  fi
}

# nginx_drain: waits until the workers of the previous configuration have exited, so no request
# can still be routed to the old colour when it stops (a fixed sleep is not enough under load).
nginx_drain() {
  local deadline pid left
  deadline=$((SECONDS + ${TRACEHUB_DRAIN_TIMEOUT:-120}))
  while ((SECONDS < deadline)); do
    left=0
    for pid in ${OLD_WORKERS:-}; do
      [[ -d "/proc/${pid}" ]] && left=1
    done
    ((left == 0)) && return 0
    sleep 0.1
  done
  say "old nginx workers still running after ${TRACEHUB_DRAIN_TIMEOUT:-120} s (long requests?)"
  return 1
}
