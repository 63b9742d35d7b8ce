#!/usr/bin/env bash
# A throw-away world for the deployment drills: a PostgreSQL 15 cluster and an nginx, both on free
# loopback ports in one temporary directory, the deploy tool configured for an environment called
# `drill`, and two releases built from the one jar (v1 as built, v2 with an added expand-only
# changeset). Sourced by ops/test/drills.bats; defines functions only.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

# free_port: a loopback TCP port nobody listens on.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# drill_missing: prints what this machine lacks for the drills (nothing when complete).
drill_missing() {
  local jar="$1" tool
  for tool in nginx node java curl flock zip pgrep; do
    command -v "$tool" >/dev/null 2>&1 || printf '%s ' "$tool"
  done
  [[ -x "${PG_BIN}/initdb" ]] || printf 'postgresql-15 '
  [[ -f "$jar" ]] || printf 'the jar (./mvnw -B package) '
  if [[ -f "$jar" ]] && ! unzip -l "$jar" 2>/dev/null | grep -q 'MigrateOnly'; then
    printf 'a jar with --tracehub.migrate-only '
  fi
}

as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_up DIR: a cluster owned by postgres (PostgreSQL refuses root), trust for the superuser on
# loopback, passwords for everyone else (a wrong application password must really fail).
pg_up() {
  local dir="$1"
  PG_PORT="$(free_port)"
  mkdir -p "${dir}/pg" "${dir}/pgsock"
  [[ "$(id -u)" -ne 0 ]] || chown postgres "${dir}/pg" "${dir}/pgsock"
  as_postgres "${PG_BIN}/initdb" -D "${dir}/pg/data" -U postgres -A trust >/dev/null
  printf 'local all postgres trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' |
    as_postgres tee "${dir}/pg/data/pg_hba.conf" >/dev/null
  as_postgres "${PG_BIN}/pg_ctl" -D "${dir}/pg/data" -l "${dir}/pg/server.log" -w \
    -o "-p ${PG_PORT} -k ${dir}/pgsock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE tracehub_owner LOGIN CREATEROLE PASSWORD '${OWNER_PASSWORD}'" \
    -c "CREATE DATABASE tracehub OWNER tracehub_owner" >/dev/null
}

pg_down() {
  [[ -d "${1}/pg/data" ]] || return 0
  as_postgres "${PG_BIN}/pg_ctl" -D "${1}/pg/data" -m immediate stop >/dev/null 2>&1 || true
}

# nginx_up DIR: the drill's proxy, built from the production include files (ops/nginx/tracehub:
# keep-alive, proxy headers and timeouts, the `tracehub` access log the watch window reads) around an
# upstream from an included file with upstream keep-alive, as in the production vhost. Plain HTTP on
# loopback: TLS is tested by nginx.bats and changes nothing in how a switch behaves.
nginx_up() {
  local dir="$1/nginx" root
  root="$(cd "${DRILLS_DIR:-$(dirname "${BASH_SOURCE[0]}")}/../.." && pwd)"
  NGINX_PORT="$(free_port)"
  mkdir -p "${dir}/tmp"
  chmod 777 "${dir}/tmp"
  printf 'server 127.0.0.1:%s;\n' "$BLUE_PORT" >"${dir}/upstream-drill.conf"
  cat >"${dir}/nginx.conf" <<CONF
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  include ${root}/ops/nginx/tracehub/http.conf;
  access_log ${dir}/access.log tracehub;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  upstream tracehub_drill {
    include ${dir}/upstream-drill.conf;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location / {
      proxy_pass http://tracehub_drill;
      include ${root}/ops/nginx/tracehub/proxy.conf;
    }
  }
}
CONF
  nginx -c "${dir}/nginx.conf" -t -q
  nginx -c "${dir}/nginx.conf"
}

nginx_down() {
  [[ -f "${1}/nginx/nginx.pid" ]] || return 0
  nginx -c "${1}/nginx/nginx.conf" -s stop 2>/dev/null || true
}

# jar_build_version JAR: the version in the jar's build info, what /health reports as "build".
jar_build_version() {
  unzip -p "$1" META-INF/build-info.properties | sed -n 's/^build\.version=//p'
}

# build_v2 JAR OUT: a second build of the application that differs from JAR in version and schema:
# its build info says <version>-drill-v2 (so /health tells the two apart) and it carries one
# expand-only changeset (a new table, with its rollback), switched on by a
# config/application.properties inside the jar.
build_v2() {
  local jar="$1" out="$2" stage
  stage="$(mktemp -d)"
  mkdir -p "${stage}/BOOT-INF/classes/config" "${stage}/BOOT-INF/classes/db/changelog/drill-v2" "${stage}/META-INF"
  unzip -p "$jar" META-INF/build-info.properties |
    sed 's/^\(build\.version=.*\)$/\1-drill-v2/' >"${stage}/META-INF/build-info.properties"
  cat >"${stage}/BOOT-INF/classes/db/changelog/drill-v2-master.yaml" <<'YAML'
databaseChangeLog:
  - include:
      file: db/changelog/db.changelog-master.yaml
  - include:
      file: db/changelog/drill-v2/changelog.sql
YAML
  cat >"${stage}/BOOT-INF/classes/db/changelog/drill-v2/changelog.sql" <<'SQL'
--liquibase formatted sql

--changeset drill:v2-release-notes
CREATE TABLE drill_release_note (id bigint PRIMARY KEY, note text);
--rollback DROP TABLE drill_release_note;
SQL
  printf 'spring.liquibase.change-log=classpath:db/changelog/drill-v2-master.yaml\n' \
    >"${stage}/BOOT-INF/classes/config/application.properties"
  cp "$jar" "$out"
  (cd "$stage" && zip -q -r "$out" BOOT-INF META-INF)
  rm -rf "$stage"
}

# write_config DIR: the deploy tool's configuration for the `drill` environment.
write_config() {
  local dir="$1"
  cat >"${dir}/app.env" <<ENV
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:${PG_PORT}/tracehub
SPRING_DATASOURCE_USERNAME=tracehub_app
SPRING_DATASOURCE_PASSWORD=${APP_PASSWORD}
TRACEHUB_SECURITY_JWT_SECRET=${JWT_SECRET}
TRACEHUB_PUBLIC_URL=http://127.0.0.1:${NGINX_PORT}
TRACEHUB_BOOTSTRAP_SMOKE_EMAIL=smoke@drill.example
TRACEHUB_BOOTSTRAP_SMOKE_PASSWORD=${SMOKE_PASSWORD}
LOGGING_STRUCTURED_FORMAT_CONSOLE=
SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=4
ENV
  printf 'SPRING_LIQUIBASE_USER=tracehub_owner\nSPRING_LIQUIBASE_PASSWORD=%s\n' "$OWNER_PASSWORD" >"${dir}/owner.env"
  chmod 600 "${dir}/app.env" "${dir}/owner.env"
  cat >"${dir}/drill.conf" <<CONF
TRACEHUB_RUNTIME=process
TRACEHUB_STATE_DIR=${dir}/state
TRACEHUB_APP_ENV_FILE=${dir}/app.env
TRACEHUB_OWNER_ENV_FILE=${dir}/owner.env
TRACEHUB_BLUE_PORT=${BLUE_PORT}
TRACEHUB_GREEN_PORT=${GREEN_PORT}
TRACEHUB_NGINX_CONF=${dir}/nginx/nginx.conf
TRACEHUB_NGINX_PID_FILE=${dir}/nginx/nginx.pid
TRACEHUB_NGINX_UPSTREAM_FILE=${dir}/nginx/upstream-drill.conf
TRACEHUB_NGINX_ACCESS_LOG=${dir}/nginx/access.log
TRACEHUB_JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1
TRACEHUB_READY_TIMEOUT=120
TRACEHUB_WATCH_SECONDS=6
TRACEHUB_WATCH_SMOKE_EVERY=3
TRACEHUB_MIN_FREE_KB=102400
CONF
}

# drill_up DIR JAR: everything above, the releases under DIR/releases.
drill_up() {
  local dir="$1" jar="$2"
  OWNER_PASSWORD="$(openssl rand -hex 16)" APP_PASSWORD="$(openssl rand -hex 16)"
  JWT_SECRET="$(openssl rand -hex 32)" SMOKE_PASSWORD="Chk-$(openssl rand -hex 12)"
  BLUE_PORT="$(free_port)" GREEN_PORT="$(free_port)"
  mkdir -p "${dir}/releases"
  cp "$jar" "${dir}/releases/v1.jar"
  build_v2 "${dir}/releases/v1.jar" "${dir}/releases/v2.jar"
  pg_up "$dir"
  nginx_up "$dir"
  write_config "$dir"
  export TRACEHUB_CONFIG="${dir}/drill.conf"
  # Extra application arguments for every release the drills deploy (none by default).
  # shellcheck disable=SC2034 # read by drills.bats
  DRILL_APP_ARGS="${DRILL_APP_ARGS:-}"
}

# Stops whatever the drills started: the colours (by their recorded pids), nginx, PostgreSQL.
drill_down() {
  local dir="$1" colour pid
  for colour in blue green; do
    pid="$(cat "${dir}/state/${colour}.pid" 2>/dev/null || true)"
    [[ -z "$pid" ]] || kill -KILL "$pid" 2>/dev/null || true
  done
  nginx_down "$dir"
  pg_down "$dir"
}

# load_start DIR NAME: continuous load through nginx in the background until load_stop.
load_start() {
  local dir="$1" name="$2"
  node "${DRILLS_DIR}/loadgen.mjs" --url "http://127.0.0.1:${NGINX_PORT}" \
    --get /health --get /actuator/health/readiness --post /api/auth/logout --expect-post 204 \
    --get-workers 3 --post-workers 1 --rate 40 >"${dir}/${name}.load.json" 2>"${dir}/${name}.load.err" 3>&- &
  LOAD_PID=$!
  sleep 1
}

# load_stop DIR NAME: stops the load and sets LOAD to its JSON summary (not meant for $(...): only
# the shell that started the load can wait for it).
load_stop() {
  local dir="$1" name="$2"
  kill -TERM "$LOAD_PID" 2>/dev/null || true
  wait "$LOAD_PID" 2>/dev/null || true
  # shellcheck disable=SC2034 # read by drills.bats
  LOAD="$(cat "${dir}/${name}.load.json")"
  [[ -n "$LOAD" ]] || { cat "${dir}/${name}.load.err" >&2; return 1; }
}

# json_field JSON NAME: one top-level field of a JSON object.
json_field() {
  node -e 'const o=JSON.parse(process.argv[1]); const v=o[process.argv[2]]; console.log(typeof v==="object"?JSON.stringify(v):v)' "$1" "$2"
}
