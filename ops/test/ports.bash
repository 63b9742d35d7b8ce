# shellcheck shell=bash
# free_port: a loopback TCP port nothing listens on (nothing answers a connection to it). For the
# bats tests that start servers; loaded with `load ports`.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
}
