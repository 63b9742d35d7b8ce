#!/usr/bin/env bats
# Scale-out (docs/operations/scaling.md): three instances of the jar behind one nginx, on one
# PostgreSQL 15, documents in an S3-compatible store (s3proxy, standalone), tracking through a
# JSONCargo-shaped stub that logs which instance polled which container when. Continuous GET and POST
# load runs through nginx from setup to the last test; one test kills an instance with SIGKILL.
# The tests run in order and share one world. Figures are printed as "# scaleout ..." lines.
# Needs backend/target/tracehub.jar (./mvnw -B package) and the drills' tools.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2030,SC2031 # each test is a subshell; the world is in files under SCALE_DIR

bats_require_minimum_version 1.5.0

setup_file() {
  export SCALE_HOME="${BATS_TEST_DIRNAME}/../scaleout" ROOT="${BATS_TEST_DIRNAME}/../.."
  export DRILLS_DIR="${BATS_TEST_DIRNAME}/../drills"
  # shellcheck source=../scaleout/scaleout-env.sh
  source "${SCALE_HOME}/scaleout-env.sh"
  local jar="${ROOT}/backend/target/tracehub.jar" missing s3jar started=$SECONDS name port
  missing="$(drill_missing "$jar")"
  if [[ -z "$missing" ]] && ! s3jar="$(s3proxy_jar "$ROOT")"; then missing="s3proxy (mvn dependency:get failed)"; fi
  if [[ -n "$missing" ]]; then
    export SCALE_SKIP="missing: ${missing}"
    return 0
  fi
  # Not under bats' private temp dir: the postgres user must be able to reach its cluster.
  SCALE_DIR="$(mktemp -d -t tracehub-scaleout.XXXXXX)"
  chmod 711 "$SCALE_DIR"
  export SCALE_DIR
  OWNER_PASSWORD="$(openssl rand -hex 16)" APP_PASSWORD="$(openssl rand -hex 16)" JWT_SECRET="$(openssl rand -hex 32)"
  ADMIN_EMAIL="admin@scaleout.example" ADMIN_PASSWORD="Scale-$(openssl rand -hex 12)"
  pg_up "$SCALE_DIR"
  s3_up "$SCALE_DIR" "$s3jar"
  stub_up "$SCALE_DIR"
  local -a ports=("$(free_port)" "$(free_port)" "$(free_port)")
  scaleout_nginx "$SCALE_DIR" "${ports[@]}"
  scaleout_env "$SCALE_DIR"
  scaleout_extract "$SCALE_DIR" "$jar" || { tail -n 30 "${SCALE_DIR}/extract.log" >&3; return 1; }
  scaleout_migrate "$SCALE_DIR" || { tail -n 30 "${SCALE_DIR}/migrate.log" >&3; return 1; }
  echo "# scaleout setup: PostgreSQL, s3proxy, stub up, jar extracted, schema migrated (class data archived) in $((SECONDS - started)) s" >&3
  # The three start together, each configured with the same first administrator, as a Kubernetes
  # rollout would: the bootstrap serialises on an advisory lock, so exactly one creates it.
  local -a bootstrap=(TRACEHUB_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL" TRACEHUB_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    TRACEHUB_BOOTSTRAP_ADMIN_FULL_NAME="Scale Admin" TRACEHUB_BOOTSTRAP_ADMIN_ORGANIZATION_NAME="Scale-out Exporter")
  instance_start "$SCALE_DIR" i1 "${ports[0]}" "${bootstrap[@]}"
  instance_start "$SCALE_DIR" i2 "${ports[1]}" "${bootstrap[@]}"
  instance_start "$SCALE_DIR" i3 "${ports[2]}" "${bootstrap[@]}"
  for name in i1 i2 i3; do
    port="${ports[${name#i} - 1]}"
    instance_ready "$port" "${SCALEOUT_READY_TIMEOUT:-240}" || { tail -n 30 "${SCALE_DIR}/${name}.log" >&3; return 1; }
    printf '%s\n' "$port" >"${SCALE_DIR}/${name}.port"
  done
  echo "# scaleout setup: three instances ready $((SECONDS - started)) s after the start" >&3
  printf '%s\n' "$NGINX_PORT" >"${SCALE_DIR}/nginx.port"
  printf '%s\n%s\n' "$ADMIN_EMAIL" "$ADMIN_PASSWORD" >"${SCALE_DIR}/admin"
  local token
  token="$(login "http://127.0.0.1:${NGINX_PORT}" "${SCALE_DIR}/admin.cookies")"
  [[ -n "$token" ]] || { echo "# scaleout setup: the administrator could not sign in" >&3; return 1; }
  # Six shipments, two containers each: twelve tracking subscriptions for the three pollers.
  node "${SCALE_HOME}/client.mjs" seed "http://127.0.0.1:${NGINX_PORT}" "$token" 6 \
    >"${SCALE_DIR}/shipments" 2>"${SCALE_DIR}/containers" || { cat "${SCALE_DIR}/containers" >&3; return 1; }
  date +%s%3N >"${SCALE_DIR}/seeded-at"
  load_start "$SCALE_DIR" load
  echo "$LOAD_PID" >"${SCALE_DIR}/load.pid"
  # And tenant-scoped reads as the administrator, through nginx too.
  background "${SCALE_DIR}/reader" node "${SCALE_HOME}/client.mjs" reader "http://127.0.0.1:${NGINX_PORT}" "$token" \
    "${SCALE_DIR}/shipments"
  echo "# scaleout setup: $(wc -l <"${SCALE_DIR}/shipments") shipments, $(wc -l <"${SCALE_DIR}/containers") containers; load started; $((SECONDS - started)) s" >&3
}

teardown_file() {
  [[ -n "${SCALE_DIR:-}" ]] || return 0
  # shellcheck source=../scaleout/scaleout-env.sh
  source "${SCALE_HOME}/scaleout-env.sh"
  [[ ! -f "${SCALE_DIR}/load.pid" ]] || kill -TERM "$(cat "${SCALE_DIR}/load.pid")" 2>/dev/null || true
  scaleout_down "$SCALE_DIR"
  if [[ -n "${SCALEOUT_KEEP:-}" ]]; then echo "# scaleout: kept ${SCALE_DIR}" >&3; else rm -rf -- "$SCALE_DIR"; fi
}

setup() {
  [[ -z "${SCALE_SKIP:-}" ]] || skip "$SCALE_SKIP"
  # shellcheck source=../scaleout/scaleout-env.sh
  source "${SCALE_HOME}/scaleout-env.sh"
  NGINX_PORT="$(cat "${SCALE_DIR}/nginx.port")"
}

# login URL COOKIE_JAR: signs the administrator in; prints the access token, keeps the refresh cookie.
login() {
  local body
  body="$(printf '{"email":"%s","password":"%s"}' "$(sed -n 1p "${SCALE_DIR}/admin")" "$(sed -n 2p "${SCALE_DIR}/admin")" |
    curl -s -c "$2" -H 'Content-Type: application/json' --data-binary @- -D "${SCALE_DIR}/login.headers" "$1/api/auth/login")"
  sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$body"
}

port_of() { cat "${SCALE_DIR}/$1.port"; }

# status_with TOKEN URL [CURL ARGS...]: the HTTP status of an authenticated request.
status_with() {
  local token="$1" url="$2"
  shift 2
  printf 'Authorization: Bearer %s\n' "$token" | curl -s -o /dev/null -w '%{http_code}' -H @- "$@" "$url"
}

@test "an upload through one instance downloads byte-identical from the other two (S3 store)" {
  local base1 token shipment doc i sum expected
  base1="http://127.0.0.1:$(port_of i1)"
  token="$(login "$base1" "${SCALE_DIR}/i1.cookies")"
  shipment="$(head -n 1 "${SCALE_DIR}/shipments")"
  node "${SCALE_HOME}/client.mjs" pdf "${SCALE_DIR}/bl.pdf"
  expected="$(sha256sum "${SCALE_DIR}/bl.pdf" | cut -d' ' -f1)"
  doc="$(printf 'Authorization: Bearer %s\n' "$token" | curl -s -H @- -F "file=@${SCALE_DIR}/bl.pdf;type=application/pdf" \
    -F type=bill_of_lading "${base1}/api/shipments/${shipment}/documents")"
  doc="$(json_field "$doc" id)"
  [ -n "$doc" ] && [ "$doc" != undefined ]
  for i in i2 i3; do
    printf 'Authorization: Bearer %s\n' "$token" |
      curl -s -f -H @- -o "${SCALE_DIR}/bl-${i}.pdf" "http://127.0.0.1:$(port_of "$i")/api/documents/${doc}/content"
    sum="$(sha256sum "${SCALE_DIR}/bl-${i}.pdf" | cut -d' ' -f1)"
    echo "# scaleout upload: $(stat -c %s "${SCALE_DIR}/bl.pdf") bytes via i1, from ${i}: sha256 ${sum:0:12}… (uploaded ${expected:0:12}…)" >&3
    [ "$sum" = "$expected" ]
  done
  # It really is in the bucket, not on some instance's disk.
  run find "${SCALE_DIR}/s3/data/tracehub-documents" -type f -path "*${doc}*"
  [ -n "$output" ]
}

@test "a session survives SIGKILL of the instance that served its sign-in (same token, same refresh cookie)" {
  local base="http://127.0.0.1:${NGINX_PORT}" token upstream victim name i ok=0 body refreshed
  token="$(login "$base" "${SCALE_DIR}/session.cookies")"
  [ -n "$token" ]
  upstream="$(tr -d '\r' <"${SCALE_DIR}/login.headers" | sed -n 's/^X-Upstream: //Ip')"
  for name in i1 i2 i3; do
    [[ "$upstream" != "127.0.0.1:$(port_of "$name")" ]] || victim="$name"
  done
  [ -n "${victim:-}" ]
  # The refresh cookie is scoped to /api/auth and, with TRACEHUB_IDENTITY_REFRESH_COOKIE_SECURE=false
  # as here, not Secure, so curl sends it over plain http.
  grep -qi '^set-cookie: .*Path=/api/auth' "${SCALE_DIR}/login.headers"
  date +%s%3N >"${SCALE_DIR}/killed-at"
  kill -KILL "$(cat "${SCALE_DIR}/${victim}.pid")"
  echo "$victim" >"${SCALE_DIR}/victim"
  for ((i = 0; i < 10; i++)); do
    [[ "$(status_with "$token" "${base}/api/me")" != 200 ]] || ok=$((ok + 1))
  done
  body="$(curl -s -b "${SCALE_DIR}/session.cookies" -c "${SCALE_DIR}/session.cookies" -X POST -D "${SCALE_DIR}/refresh.headers" \
    "${base}/api/auth/refresh")"
  refreshed="$(json_field "$body" accessToken)"
  echo "# scaleout session: signed in through ${victim} (${upstream}), killed it; GET /api/me with the same token ${ok}/10 ok;" \
    "refresh with the same cookie answered by $(tr -d '\r' <"${SCALE_DIR}/refresh.headers" | sed -n 's/^X-Upstream: //Ip')" >&3
  [ "$ok" -eq 10 ]
  [ -n "$refreshed" ] && [ "$refreshed" != undefined ] && [ "$refreshed" != "$token" ]
  [ "$(status_with "$refreshed" "${base}/api/me")" = 200 ]
}

@test "no tracking subscription was polled twice within its interval; the work is shared" {
  local result elapsed
  # Polling has run since setup; give it a few intervals after the kill too.
  sleep "$SCALEOUT_POLL_INTERVAL"
  elapsed=$((($(date +%s%3N) - $(cat "${SCALE_DIR}/seeded-at")) / 1000))
  result="$(node "${SCALE_HOME}/client.mjs" polls "${SCALE_DIR}/stub/polls.jsonl" $(((SCALEOUT_POLL_INTERVAL - 1) * 1000)))"
  echo "# scaleout polling: ${elapsed} s, $(json_field "$result" polls) polls of $(json_field "$result" containers) containers," \
    "per instance (by API key) $(json_field "$result" by_instance), containers polled by more than one instance over time" \
    "$(json_field "$result" containers_polled_by_several_instances), shortest gap between two polls of one container" \
    "$(json_field "$result" min_gap_ms) ms (interval ${SCALEOUT_POLL_INTERVAL} s), too close: $(json_field "$result" too_close)" >&3
  [ "$(json_field "$result" too_close)" = "[]" ]
  [ "$(json_field "$result" containers)" -eq "$(wc -l <"${SCALE_DIR}/containers")" ]
  # Every instance polled (the victim until it was killed): the leases really are shared.
  [ "$(node -e 'console.log(Object.keys(JSON.parse(process.argv[1]).by_instance).length)' "$result")" -eq 3 ]
}

@test "each run of a ShedLock cron job happened on exactly one instance" {
  local result
  result="$(node "${SCALE_HOME}/client.mjs" runs "$SCALEOUT_CRON_PERIOD" "${SCALE_DIR}/i1.log" "${SCALE_DIR}/i2.log" "${SCALE_DIR}/i3.log")"
  echo "# scaleout scheduled jobs (cron every ${SCALEOUT_CRON_PERIOD} s on all three): $(json_field "$result" runs) runs," \
    "per job $(json_field "$result" by_job), per instance $(json_field "$result" by_instance)," \
    "shortest gap between two runs of one job $(json_field "$result" min_gap_ms) ms, doubled: $(json_field "$result" doubled)" >&3
  [ "$(json_field "$result" doubled)" = "[]" ]
  [ "$(json_field "$result" runs)" -ge 3 ]
}

@test "the load through nginx saw no failures but requests in flight on the killed instance" {
  local access victim_addr failed reads
  local i LOAD
  # The load was started by setup_file's shell, so load_stop's `wait` cannot be used from here: stop
  # it by its pid and wait for its summary line.
  kill -TERM "$(cat "${SCALE_DIR}/load.pid")"
  rm -f "${SCALE_DIR}/load.pid"
  for ((i = 0; i < 100; i++)); do
    [[ ! -s "${SCALE_DIR}/load.load.json" ]] || break
    sleep 0.1
  done
  LOAD="$(cat "${SCALE_DIR}/load.load.json")"
  [ -n "$LOAD" ] || { cat "${SCALE_DIR}/load.load.err" >&3; false; }
  kill -TERM "$(cat "${SCALE_DIR}/reader.pid")"
  for ((i = 0; i < 100; i++)); do
    [[ ! -s "${SCALE_DIR}/reader.log" ]] || break
    sleep 0.1
  done
  reads="$(tail -n 1 "${SCALE_DIR}/reader.log")"
  victim_addr="127.0.0.1:$(port_of "$(cat "${SCALE_DIR}/victim")")"
  access="$(node "${SCALE_HOME}/client.mjs" access "${SCALE_DIR}/nginx/access.log")"
  failed="$(json_field "$LOAD" failed)"
  echo "# scaleout load: $(json_field "$LOAD" requests) requests in $(json_field "$LOAD" seconds) s ($(json_field "$LOAD" get) GET," \
    "$(json_field "$LOAD" post) POST), failed ${failed} $(json_field "$LOAD" errors), statuses $(json_field "$LOAD" by_status)" >&3
  echo "# scaleout reads (authenticated, tenant-scoped): $(json_field "$reads" requests) requests, failed $(json_field "$reads" failed)" \
    "$(json_field "$reads" errors), statuses $(json_field "$reads" by_status), kept-alive resets retried $(json_field "$reads" races)" >&3
  echo "# scaleout nginx: $(json_field "$access" requests) requests, answered per instance $(json_field "$access" by_upstream)," \
    "passed on to a next instance $(json_field "$access" passed_on), 5xx $(json_field "$access" errors); killed ${victim_addr}" >&3
  # Whatever failed was in flight on the killed instance: nginx's 5xx all name it.
  node -e 'const a=JSON.parse(process.argv[1]); process.exit(a.errors.every((e)=>e.upstream.includes(process.argv[2]))?0:1)' \
    "$access" "$victim_addr"
  # The access log was read: every line, and at least the load's requests (else the checks on it
  # would pass on nothing).
  [ "$(json_field "$access" unreadable)" -eq 0 ]
  [ "$(json_field "$access" requests)" -ge "$(json_field "$LOAD" requests)" ]
  [ "$(json_field "$LOAD" conn_errors)" -eq 0 ]
  [ "$((failed + $(json_field "$reads" failed)))" -le "$(node -e 'console.log(JSON.parse(process.argv[1]).errors.length)' "$access")" ]
  [ "$(json_field "$reads" ok)" -gt 0 ]
}
