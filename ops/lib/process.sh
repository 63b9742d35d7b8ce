#!/usr/bin/env bash
# Process helpers shared by the deploy tool (ops/deploy/runtime-process.sh) and the benchmark
# harness (bench/lib/env.sh).

# stop_gracefully PID [SECONDS]: SIGTERM, so that the application finishes the requests in flight
# and closes its pool; SIGKILL only if it is still there after SECONDS (default 30).
stop_gracefully() {
  local pid="$1" tenths=$((${2:-30} * 10)) i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < tenths; i++)); do
    [[ -d "/proc/${pid}" ]] || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
