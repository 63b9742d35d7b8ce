#!/usr/bin/env bats
# Tests ops/nginx: renders the configuration into a temporary prefix (test domain, self-signed
# certificates, high loopback ports), checks it with `nginx -t`, then runs a real nginx in front of
# two stub backends (blue and green) and checks what clients see.
# shellcheck disable=SC2030,SC2031 # variables exported in setup_file are read by each test

bats_require_minimum_version 1.5.0

DOMAIN=test.example
PROD_HOST="tracehub.${DOMAIN}"
STAGING_HOST="staging.tracehub.${DOMAIN}"

# Renders a vhost for prefix $1 with ports $2 (HTTP) and $3 (HTTPS): the install-time domain
# substitution, plus paths and ports moved into the prefix.
render_site() {
  local prefix="$1" http_port="$2" https_port="$3"
  sed -e "s/@DOMAIN@/${DOMAIN}/g" \
    -e "s#/etc/letsencrypt/#${prefix}/letsencrypt/#g" \
    -e "s#/var/www/letsencrypt#${prefix}/acme#g" \
    -e '/listen \[::\]/d' \
    -e "s/listen 80\b/listen 127.0.0.1:${http_port}/" \
    -e "s/listen 443\b/listen 127.0.0.1:${https_port}/"
}

# Writes a self-signed certificate for host $2 under prefix $1, where the vhost expects it.
make_cert() {
  local dir="$1/letsencrypt/live/$2"
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$2" \
    -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
}

# Lays out prefix $1 like /etc/nginx; $2 is the main configuration to use.
render_prefix() {
  local prefix="$1" main="$2" repo="${BATS_TEST_DIRNAME}/../nginx" site
  mkdir -p "$prefix"/{logs,tmp,tracehub,sites-enabled,acme/.well-known/acme-challenge}
  cp "$main" "$prefix/nginx.conf"
  cp /etc/nginx/mime.types "$prefix/"
  cp "$repo"/tracehub/*.conf "$prefix/tracehub/"
  sed 's/:8001;/:'"$BLUE_PORT"';/' "$repo/upstream-production.conf" >"$prefix/tracehub/upstream-production.conf"
  sed 's/:8101;/:'"$STAGING_PORT"';/' "$repo/upstream-staging.conf" >"$prefix/tracehub/upstream-staging.conf"
  for site in "$repo"/sites/*.conf; do
    render_site "$prefix" "$HTTP_PORT" "$HTTPS_PORT" <"$site" >"$prefix/sites-enabled/${site##*/}"
  done
  make_cert "$prefix" "$PROD_HOST"
  make_cert "$prefix" "$STAGING_HOST"
  printf challenge-token-content >"$prefix/acme/.well-known/acme-challenge/token123"
  # nginx workers may run as another user than the master: let them read the prefix.
  chmod -R a+rX "$prefix"
}

# A stub application: answers every request with JSON naming itself and echoing the request headers.
start_backend() {
  local port="$1" name="$2"
  node -e '
    const [port, name] = process.argv.slice(1);
    require("http").createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.setHeader("Content-Type", "application/json");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Frame-Options", "SAMEORIGIN");
        res.end(JSON.stringify({ backend: name, path: req.url, headers: req.headers, pad: "x".repeat(2000) }));
      });
    }).listen(Number(port), "127.0.0.1");
  ' "$port" "$name" >"$PREFIX/logs/backend-$name.log" 2>&1 3>&- &
  echo $! >"$PREFIX/backend-$name.pid"
}

# Prints $1 distinct loopback TCP ports that nobody listens on (asked from the kernel).
free_ports() {
  node -e '
    const net = require("net");
    const servers = [];
    for (let i = 0; i < Number(process.argv[1]); i++) {
      const s = net.createServer();
      servers.push(new Promise((done) => s.listen(0, "127.0.0.1", () => done(s))));
    }
    Promise.all(servers).then((all) => {
      for (const s of all) console.log(s.address().port);
      for (const s of all) s.close();
    });
  ' "$1"
}

# Waits until URL $1 answers (any HTTP status); more curl arguments may follow.
wait_for() {
  local url="$1" i
  shift
  for ((i = 0; i < 100; i++)); do
    curl -s -o /dev/null "$@" "$url" && return 0
    sleep 0.1
  done
  echo "not reachable: $url" >&2
  return 1
}

setup_file() {
  command -v nginx >/dev/null || skip "nginx is not installed (apt-get install nginx; .ci/run installs it)"
  local -a ports
  mapfile -t ports < <(free_ports 5)
  export HTTP_PORT="${ports[0]}" HTTPS_PORT="${ports[1]}" BLUE_PORT="${ports[2]}" GREEN_PORT="${ports[3]}"
  export STAGING_PORT="${ports[4]}"
  PREFIX="$(mktemp -d "${TMPDIR:-/tmp}/tracehub-nginx.XXXXXX")"
  export PREFIX
  chmod 755 "$PREFIX"
  render_prefix "$PREFIX" "${BATS_TEST_DIRNAME}/../nginx/test/nginx.conf"
  start_backend "$BLUE_PORT" blue
  start_backend "$GREEN_PORT" green
  start_backend "$STAGING_PORT" staging-blue
  wait_for "http://127.0.0.1:$BLUE_PORT/"
  wait_for "http://127.0.0.1:$GREEN_PORT/"
  wait_for "http://127.0.0.1:$STAGING_PORT/"
  nginx -c "$PREFIX/nginx.conf" -p "$PREFIX/" >"$PREFIX/logs/start.log" 2>&1 3>&- || {
    cat "$PREFIX/logs/start.log" >&2
    return 1
  }
  wait_for "http://127.0.0.1:$HTTP_PORT/health" -H "Host: $PROD_HOST"
}

teardown_file() {
  [[ -n "${PREFIX:-}" ]] || return 0
  if [[ -s "$PREFIX/nginx.pid" ]]; then
    nginx -c "$PREFIX/nginx.conf" -p "$PREFIX/" -s stop 2>/dev/null || kill "$(cat "$PREFIX/nginx.pid")" || true
  fi
  local pidfile
  for pidfile in "$PREFIX"/backend-*.pid; do
    if [[ -e "$pidfile" ]]; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
  rm -rf "$PREFIX"
}

# curl for host $1 (HTTP, or HTTPS with -s as $2) and path; remaining args go to curl.
http() {
  local host="$1" path="$2"
  shift 2
  curl -sS --max-time 10 --resolve "$host:$HTTP_PORT:127.0.0.1" "$@" "http://$host:$HTTP_PORT$path"
}
https() {
  local host="$1" path="$2"
  shift 2
  curl -sS -k --max-time 20 --resolve "$host:$HTTPS_PORT:127.0.0.1" "$@" "https://$host:$HTTPS_PORT$path"
}

# Prints the value of response header $1 found in the headers text $2 (case-insensitive).
header() {
  printf '%s\n' "$2" | tr -d '\r' | awk -v name="$1" 'BEGIN { IGNORECASE = 1 }
    tolower($0) ~ "^" tolower(name) ":" { sub(/^[^:]*: */, ""); print }'
}

@test "the test wrapper passes nginx -t" {
  run nginx -t -c "$PREFIX/nginx.conf" -p "$PREFIX/"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == *"syntax is ok"* && "$output" == *"test is successful"* ]]
}

@test "the production main nginx.conf passes nginx -t with the vhosts" {
  local main="${BATS_TEST_TMPDIR}/main"
  mkdir -p "$main"
  # Only the process-level paths move into the prefix; user www-data only makes sense as root.
  sed -e "s#/var/log/nginx/#${main}/logs/#" -e "s#/run/nginx.pid#${main}/nginx.pid#" \
    -e '/^include \/etc\/nginx\/modules-enabled/d' \
    "${BATS_TEST_DIRNAME}/../nginx/nginx.conf" >"${BATS_TEST_TMPDIR}/nginx.conf"
  if [[ "$(id -u)" -ne 0 ]]; then
    sed -i '/^user /d' "${BATS_TEST_TMPDIR}/nginx.conf"
  fi
  render_prefix "$main" "${BATS_TEST_TMPDIR}/nginx.conf"
  run nginx -t -c "$main/nginx.conf" -p "$main/" \
    -g "error_log ${main}/logs/startup.log;"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == *"test is successful"* ]]
}

@test "settings the blue-green switch depends on" {
  local dir="${BATS_TEST_DIRNAME}/../nginx"
  # Unset, or longer than the longest request: old workers must finish in-flight requests.
  run grep -rE '^\s*worker_shutdown_timeout' "$dir"
  [ "$status" -ne 0 ]
  grep -qE '^\s*keepalive 32;' "$dir/sites/tracehub-production.conf"
  grep -qE '^\s*keepalive 32;' "$dir/sites/tracehub-staging.conf"
  grep -qE '^proxy_http_version 1\.1;' "$dir/tracehub/proxy.conf"
  grep -qE '^client_max_body_size 50m;' "$dir/tracehub/http.conf"
  # Exactly one colour per upstream file.
  [ "$(grep -c '^server ' "$dir/upstream-production.conf")" -eq 1 ]
  grep -qx 'server 127.0.0.1:8001;' "$dir/upstream-production.conf"
  grep -qx 'server 127.0.0.1:8101;' "$dir/upstream-staging.conf"
}

@test "plain HTTP redirects to HTTPS with a 301, path and query kept" {
  run http "$PROD_HOST" '/shipments?page=2' -o /dev/null -w '%{http_code} %{redirect_url}'
  [ "$output" = "301 https://$PROD_HOST/shipments?page=2" ]
  run http "$STAGING_HOST" '/' -o /dev/null -w '%{http_code} %{redirect_url}'
  [ "$output" = "301 https://$STAGING_HOST/" ]
}

@test "ACME challenges are served over plain HTTP" {
  run http "$PROD_HOST" /.well-known/acme-challenge/token123 -w ' %{http_code}'
  [ "$output" = "challenge-token-content 200" ]
  run http "$STAGING_HOST" /.well-known/acme-challenge/missing -o /dev/null -w '%{http_code}'
  [ "$output" = 404 ]
}

@test "health endpoints are proxied over plain HTTP, never redirected" {
  local path
  for path in /health /actuator/health/liveness /actuator/health/readiness; do
    run http "$PROD_HOST" "$path" -w ' %{http_code}'
    [[ "$output" == *'"backend":"blue"'* && "$output" == *" 200" ]]
  done
  run http "$STAGING_HOST" /health
  [[ "$output" == *'"backend":"staging-blue"'* ]]
}

@test "HTTPS proxies to the active colour with the forwarding headers" {
  run https "$PROD_HOST" /api/me -H 'X-Request-ID: drill-42'
  [ "$status" -eq 0 ]
  [[ "$output" == *'"backend":"blue"'* ]]
  [[ "$output" == *'"x-forwarded-proto":"https"'* ]]
  [[ "$output" == *'"x-forwarded-for":"127.0.0.1"'* ]]
  [[ "$output" == *"\"x-forwarded-host\":\"$PROD_HOST\""* ]]
  [[ "$output" == *'"x-request-id":"drill-42"'* ]]
  # Upstream keep-alive: HTTP/1.1 and no "Connection: close" towards the application.
  [[ "$output" != *'"connection":"close"'* ]]
}

@test "a request id is generated when the client sends none" {
  run https "$PROD_HOST" /api/me
  [[ "$output" =~ \"x-request-id\":\"[0-9a-f]{32}\" ]]
}

@test "HTTPS responses carry the security headers exactly once" {
  local headers
  headers="$(https "$PROD_HOST" / -o /dev/null -D -)"
  [[ "$(header Strict-Transport-Security "$headers")" == "max-age=31536000; includeSubDomains" ]]
  [[ "$(header Content-Security-Policy "$headers")" == *"frame-ancestors 'none'"* ]]
  [ "$(header Content-Security-Policy "$headers" | wc -l)" -eq 1 ]
  [ "$(header X-Content-Type-Options "$headers")" = nosniff ]
  # The application's own SAMEORIGIN is replaced, not doubled.
  [ "$(header X-Frame-Options "$headers")" = DENY ]
  [ "$(header Referrer-Policy "$headers")" = no-referrer ]
  # server_tokens off: no version number.
  [ "$(header Server "$headers")" = nginx ]
}

@test "hashed assets get a one-year immutable cache and keep the security headers" {
  local headers
  headers="$(https "$PROD_HOST" /assets/index-abc123.js -o /dev/null -D -)"
  [ "$(header Cache-Control "$headers")" = "public, max-age=31536000, immutable" ]
  [ -n "$(header Strict-Transport-Security "$headers")" ]
  [ "$(header X-Content-Type-Options "$headers")" = nosniff ]
  # Everything else keeps the application's own caching.
  headers="$(https "$PROD_HOST" /index.html -o /dev/null -D -)"
  [ "$(header Cache-Control "$headers")" = no-store ]
}

@test "metrics and other actuator endpoints are not public" {
  run https "$PROD_HOST" /actuator/prometheus -o /dev/null -w '%{http_code}'
  [ "$output" = 404 ]
  run https "$PROD_HOST" /actuator/health/readiness -o /dev/null -w '%{http_code}'
  [ "$output" = 200 ]
}

@test "JSON responses are gzip-compressed" {
  local headers
  headers="$(https "$PROD_HOST" /api/me -H 'Accept-Encoding: gzip' -o /dev/null -D -)"
  [ "$(header Content-Encoding "$headers")" = gzip ]
}

@test "a body over 50 MB is refused with 413, one under it passes" {
  local big="${BATS_TEST_TMPDIR}/big" small="${BATS_TEST_TMPDIR}/small"
  head -c $((50 * 1024 * 1024 + 1)) /dev/zero >"$big"
  head -c $((5 * 1024 * 1024)) /dev/zero >"$small"
  run https "$PROD_HOST" /api/documents -o /dev/null -w '%{http_code}' --data-binary "@$big" \
    -H 'Content-Type: application/octet-stream'
  [ "$output" = 413 ]
  run https "$PROD_HOST" /api/documents -o /dev/null -w '%{http_code}' --data-binary "@$small" \
    -H 'Content-Type: application/octet-stream'
  [ "$output" = 200 ]
}

@test "unknown host names are turned away" {
  run curl -s --max-time 5 -o /dev/null -w '%{http_code}' -H 'Host: other.example' \
    "http://127.0.0.1:$HTTP_PORT/"
  [ "$output" = 000 ]
}

@test "replacing the upstream file and reloading moves traffic to the other colour" {
  local file="$PREFIX/tracehub/upstream-production.conf" tmp i
  run https "$PROD_HOST" /api/me
  [[ "$output" == *'"backend":"blue"'* ]]
  # What the deploy tool does: write a temp file, test, move it over the included one, reload.
  tmp="$(mktemp "$PREFIX/tracehub/.upstream.XXXXXX")"
  printf 'server 127.0.0.1:%s;\n' "$GREEN_PORT" >"$tmp"
  chmod 644 "$tmp"
  mv "$tmp" "$file"
  nginx -t -q -c "$PREFIX/nginx.conf" -p "$PREFIX/"
  nginx -s reload -c "$PREFIX/nginx.conf" -p "$PREFIX/"
  # A reload takes effect when the new workers are up: allow for a busy machine (CI runs the drills
  # and a JVM build on the same two cores), but stop as soon as green answers.
  for ((i = 0; i < 300; i++)); do
    [[ "$(https "$PROD_HOST" /api/me)" == *'"backend":"green"'* ]] && break
    sleep 0.1
  done
  run https "$PROD_HOST" /api/me
  if [[ "$output" != *'"backend":"green"'* ]]; then
    # This once failed on a loaded CI machine and passed on every re-run: leave what is needed to
    # find out why (did the master start new workers? what did it log? does green answer directly?).
    echo "still not green after 30 s: $output" >&2
    echo "upstream file: $(cat "$file")" >&2
    echo "master $(cat "$PREFIX/nginx.pid"), workers: $(pgrep -P "$(cat "$PREFIX/nginx.pid")" | tr '\n' ' ')" >&2
    echo "green directly: $(curl -sS --max-time 5 "http://127.0.0.1:$GREEN_PORT/" | head -c 80)" >&2
    tail -n 30 "$PREFIX/logs/error.log" >&2 || true
    return 1
  fi
  run http "$PROD_HOST" /health
  [[ "$output" == *'"backend":"green"'* ]]
  # Staging is untouched by a production switch.
  run https "$STAGING_HOST" /api/me
  [[ "$output" == *'"backend":"staging-blue"'* ]]
}
