#!/usr/bin/env bash
# The watch window after a switch: the new colour must stay ready (probed every second), keep
# passing the smoke test (every TRACEHUB_WATCH_SMOKE_EVERY seconds, default 10) and, when nginx's
# access log is known (TRACEHUB_NGINX_ACCESS_LOG, with "$request" $status ... upstream=$upstream_addr
# as in ops/nginx), answer at most TRACEHUB_WATCH_MAX_5XX_PERCENT (5) % of proxied requests with 5xx.
# Two failed probes in a row, one failed smoke test or too many 5xx count as degraded.

# proxy_5xx_check OFFSET PORT: fails (printing the figures) when too many requests that nginx sent to
# 127.0.0.1:PORT since byte OFFSET of the access log were answered 5xx; needs 20 requests to judge.
proxy_5xx_check() {
  local offset="$1" port="$2"
  tail -c "+$((offset + 1))" "$TRACEHUB_NGINX_ACCESS_LOG" 2>/dev/null |
    awk -v upstream="upstream=127.0.0.1:${port}" -v max="${TRACEHUB_WATCH_MAX_5XX_PERCENT:-5}" \
      -v min="${TRACEHUB_WATCH_MIN_REQUESTS:-20}" '
      index($0, upstream) {
        n++
        if (match($0, /" [0-9][0-9][0-9] /) && substr($0, RSTART + 2, 1) == "5") e++
      }
      END { if (n >= min && e * 100 > max * n) { printf "%d of %d proxied requests answered 5xx\n", e, n; exit 1 } }'
}

access_log_size() { stat -c %s "${TRACEHUB_NGINX_ACCESS_LOG:-}" 2>/dev/null || echo 0; }

# watch_colour COLOUR SECONDS: 0 when it stayed healthy for the whole window, 1 when it degraded.
watch_colour() {
  local colour="$1" seconds="$2" deadline failures=0 next_smoke offset
  deadline=$((SECONDS + seconds))
  next_smoke=$((SECONDS + ${TRACEHUB_WATCH_SMOKE_EVERY:-10}))
  offset="$(access_log_size)"
  while ((SECONDS < deadline)); do
    if is_ready "$colour"; then
      failures=0
    else
      failures=$((failures + 1))
      say "watch: ${colour} readiness probe failed (${failures} in a row)"
      ((failures < 2)) || return 1
    fi
    if ((SECONDS >= next_smoke)); then
      smoke_test "$(colour_url "$colour")" >/dev/null 2>&1 || { say "watch: ${colour} failed its smoke test"; return 1; }
      next_smoke=$((SECONDS + ${TRACEHUB_WATCH_SMOKE_EVERY:-10}))
    fi
    if [[ -n "${TRACEHUB_NGINX_ACCESS_LOG:-}" ]]; then
      (($(access_log_size) >= offset)) || offset=0 # rotated
      proxy_5xx_check "$offset" "$(colour_port "$colour")" >&2 || { say "watch: ${colour} answers too many 5xx"; return 1; }
    fi
    sleep 1
  done
}
