#!/usr/bin/env bash
# The scale-out world of ops/test/scaleout.bats: one PostgreSQL 15, an S3-compatible store (s3proxy,
# standalone), a JSONCargo-shaped provider stub, three application instances (java -jar on free ports,
# each with its own instance name and provider API key) and one nginx in front of the three. The
# PostgreSQL cluster, nginx and free ports come from ops/drills/drill-env.sh, sourced here.
# Sourced by the test; defines functions only.
# shellcheck source-path=SCRIPTDIR

SCALEOUT_DIR_SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../drills/drill-env.sh
source "${SCALEOUT_DIR_SELF}/../drills/drill-env.sh"

# How fast the test makes things happen (production values are hours; see application.yml).
SCALEOUT_POLL_INTERVAL="${SCALEOUT_POLL_INTERVAL:-4}"   # s: tracking poll interval (near/far/arrived)
SCALEOUT_CRON_PERIOD="${SCALEOUT_CRON_PERIOD:-2}"       # s: the ShedLock cron jobs fire this often

# s3proxy_jar: the standalone s3proxy (jar-with-dependencies) of the version the backend tests use,
# from the local Maven repository, fetched into it through the registry once when missing.
s3proxy_jar() {
  local root="$1" version jar
  version="$(sed -n '/<artifactId>s3proxy<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "${root}/backend/pom.xml")"
  jar="${HOME}/.m2/repository/org/gaul/s3proxy/${version}/s3proxy-${version}-jar-with-dependencies.jar"
  if [[ ! -f "$jar" ]]; then
    "${root}/mvnw" -B -q dependency:get -Dtransitive=false \
      "-Dartifact=org.gaul:s3proxy:${version}:jar:jar-with-dependencies" >&2 || return 1
  fi
  printf '%s\n' "$jar"
}

# s3_up DIR JAR: s3proxy on a free port with the filesystem backend; the bucket is a directory.
s3_up() {
  local dir="$1" jar="$2" i
  S3_PORT="$(free_port)" S3_ACCESS="scale-$(openssl rand -hex 4)" S3_SECRET="$(openssl rand -hex 16)"
  mkdir -p "${dir}/s3/data/tracehub-documents"
  cat >"${dir}/s3/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:${S3_PORT}
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3_ACCESS}
s3proxy.credential=${S3_SECRET}
jclouds.provider=filesystem
jclouds.filesystem.basedir=${dir}/s3/data
CONF
  background "${dir}/s3/s3proxy" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -jar "$jar" \
    --properties "${dir}/s3/s3proxy.conf"
  for ((i = 0; i < 300; i++)); do
    curl -s -o /dev/null "http://127.0.0.1:${S3_PORT}/" && return 0
    sleep 0.1
  done
  echo "s3proxy did not start:" >&2
  tail -n 20 "${dir}/s3/s3proxy.log" >&2
  return 1
}

# stub_up DIR: the provider stub; its request log is DIR/stub/polls.jsonl.
stub_up() {
  local dir="$1" i
  STUB_PORT="$(free_port)"
  mkdir -p "${dir}/stub"
  background "${dir}/stub/stub" node "${SCALEOUT_DIR_SELF}/provider-stub.mjs" --port "$STUB_PORT" \
    --log "${dir}/stub/polls.jsonl"
  for ((i = 0; i < 100; i++)); do
    grep -q listening "${dir}/stub/stub.log" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# scaleout_env DIR: the environment every instance shares (and the migration adds the owner to).
scaleout_env() {
  cat >"${1}/app.env" <<ENV
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:${PG_PORT}/tracehub
SPRING_DATASOURCE_USERNAME=tracehub_app
SPRING_DATASOURCE_PASSWORD=${APP_PASSWORD}
SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=4
SPRING_LIQUIBASE_ENABLED=false
TRACEHUB_SECURITY_JWT_SECRET=${JWT_SECRET}
TRACEHUB_PUBLIC_URL=http://127.0.0.1:${NGINX_PORT}
TRACEHUB_IDENTITY_REFRESH_COOKIE_SECURE=false
LOGGING_STRUCTURED_FORMAT_CONSOLE=
TRACEHUB_DOCUMENTS_STORAGE_TYPE=s3
TRACEHUB_DOCUMENTS_STORAGE_S3_BUCKET=tracehub-documents
TRACEHUB_DOCUMENTS_STORAGE_S3_ENDPOINT=http://127.0.0.1:${S3_PORT}
TRACEHUB_DOCUMENTS_STORAGE_S3_PATH_STYLE=true
TRACEHUB_DOCUMENTS_STORAGE_S3_ACCESS_KEY=${S3_ACCESS}
TRACEHUB_DOCUMENTS_STORAGE_S3_SECRET_KEY=${S3_SECRET}
TRACEHUB_TRACKING_JSONCARGO_BASE_URL=http://127.0.0.1:${STUB_PORT}/api/v1
TRACEHUB_TRACKING_JSONCARGO_HTTP_REQUESTS_PER_MINUTE=600
TRACEHUB_TRACKING_JSONCARGO_HTTP_MAX_ATTEMPTS=1
TRACEHUB_TRACKING_POLLING_TICK=1s
TRACEHUB_TRACKING_POLLING_LEASE=20s
TRACEHUB_TRACKING_POLLING_NEAR=${SCALEOUT_POLL_INTERVAL}s
TRACEHUB_TRACKING_POLLING_FAR=${SCALEOUT_POLL_INTERVAL}s
TRACEHUB_TRACKING_POLLING_ARRIVED=${SCALEOUT_POLL_INTERVAL}s
TRACEHUB_TRACKING_POLLING_FAILURE_BASE=${SCALEOUT_POLL_INTERVAL}s
TRACEHUB_TRACKING_POLLING_RECONCILE_CRON=*/${SCALEOUT_CRON_PERIOD} * * * * *
TRACEHUB_COMPLIANCE_EXPIRY_CRON=*/${SCALEOUT_CRON_PERIOD} * * * * *
TRACEHUB_NOTIFICATIONS_DIGEST_CRON=*/${SCALEOUT_CRON_PERIOD} * * * * *
ENV
}

# The JVM flags of the drills: a short start on a small machine matters more than peak speed.
SCALEOUT_JAVA_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1 -Xmx384m)

# scaleout_extract DIR JAR: the jar unpacked the way Spring Boot recommends for class data sharing
# (java -Djarmode=tools extract): DIR/app/tracehub.jar and its lib/. Three JVMs starting at once on two
# cores is the slow part of the test; sharing the class data of the migration run saves a good part.
scaleout_extract() {
  java -Djarmode=tools -jar "$2" extract --destination "${1}/app" >"${1}/extract.log" 2>&1
}

# scaleout_migrate DIR: the jar's migrate-only mode as the owner (creates tracehub_app too). It is also
# the training run: the classes it loaded are archived (DIR/app.jsa) for the instances.
scaleout_migrate() {
  local dir="$1"
  local -a env_lines
  mapfile -t env_lines <"${dir}/app.env"
  env "${env_lines[@]}" SPRING_LIQUIBASE_ENABLED=true SPRING_LIQUIBASE_USER=tracehub_owner \
    SPRING_LIQUIBASE_PASSWORD="$OWNER_PASSWORD" \
    java "${SCALEOUT_JAVA_OPTS[@]}" "-XX:ArchiveClassesAtExit=${dir}/app.jsa" -jar "${dir}/app/tracehub.jar" \
    --tracehub.migrate-only=true >"${dir}/migrate.log" 2>&1 3>&-
}

# instance_start DIR NAME PORT [ENV...]: one instance of the extracted jar in the background, with the
# migration's class data archive when there is one; pid in DIR/NAME.pid, output in DIR/NAME.log. Each
# gets its own provider API key (the stub's log names the poller by it).
instance_start() {
  local dir="$1" name="$2" port="$3"
  local -a env_lines cds=()
  shift 3
  mapfile -t env_lines <"${dir}/app.env"
  [[ ! -f "${dir}/app.jsa" ]] || cds=("-XX:SharedArchiveFile=${dir}/app.jsa")
  background "${dir}/${name}" env "${env_lines[@]}" "$@" SERVER_PORT="$port" \
    TRACEHUB_TRACKING_JSONCARGO_API_KEY="key-${name}" TRACEHUB_RELEASE="scaleout-${name}" \
    java "${SCALEOUT_JAVA_OPTS[@]}" ${cds[@]+"${cds[@]}"} -jar "${dir}/app/tracehub.jar"
}

# background PREFIX COMMAND...: runs COMMAND detached from this shell (so that killing it later prints
# no job notice), output in PREFIX.log, pid in PREFIX.pid.
background() {
  local prefix="$1"
  shift
  (
    "$@" </dev/null >"${prefix}.log" 2>&1 3>&- &
    echo $! >"${prefix}.pid"
  )
}

# instance_ready PORT TIMEOUT_S: waits for the readiness probe.
instance_ready() {
  local port="$1" deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${port}/actuator/health/readiness")" == 200 ]] && return 0
    sleep 0.5
  done
  return 1
}

# scaleout_nginx DIR PORT...: the drills' nginx (nginx_up), its upstream file then set to the instances,
# and two directives added to its location: X-Upstream, so a client sees which instance answered, and
# proxy_next_upstream as the production proxy should have it (idempotent requests retried on the next
# instance on a connection error, timeout or 502/503/504; POSTs never, nginx's default).
scaleout_nginx() {
  local dir="$1" port
  shift
  BLUE_PORT="$1" nginx_up "$dir"
  : >"${dir}/nginx/upstream-drill.conf"
  for port in "$@"; do
    printf 'server 127.0.0.1:%s max_fails=1 fail_timeout=10s;\n' "$port" >>"${dir}/nginx/upstream-drill.conf"
  done
  # shellcheck disable=SC2016 # \$upstream_addr is nginx's variable, not the shell's
  sed -i 's|^\(\s*\)proxy_pass http://tracehub_drill;|&\n\1add_header X-Upstream $upstream_addr always;\n\1proxy_next_upstream error timeout http_502 http_503 http_504;\n\1proxy_next_upstream_tries 3;\n\1client_max_body_size 50m;|' \
    "${dir}/nginx/nginx.conf"
  nginx -c "${dir}/nginx/nginx.conf" -t -q
  nginx -c "${dir}/nginx/nginx.conf" -s reload
}

# scaleout_down DIR: stops everything the test started, by recorded pid.
scaleout_down() {
  local dir="$1" pidfile
  for pidfile in "${dir}"/*.pid "${dir}/s3/s3proxy.pid" "${dir}/stub/stub.pid"; do
    [[ -f "$pidfile" ]] || continue
    kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
  done
  nginx_down "$dir"
  pg_down "$dir"
}
