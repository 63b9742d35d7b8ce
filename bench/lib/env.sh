#!/usr/bin/env bash
# The benchmark's throw-away world, all under one work directory: a PostgreSQL 15 cluster (fsync on,
# sized for a 24 GB machine), the schema migrated by the jar's own --tracehub.migrate-only as the owner,
# the application as a plain `java -jar` process with the app role and the filesystem document store,
# and an nginx in front shaped like the production vhost (the real ops/nginx/tracehub/http.conf and
# proxy.conf are included: upstream keep-alive, 50 MB body limit, gzip) plus a static location for the
# HTTP ceiling. Sourced by bench/run.sh; defines functions only. Reuses free_port, as_postgres and
# nginx_down from the deployment drills.
#
# Globals: WORK (the work directory), REPO (repository root), JAR.

# shellcheck source-path=SCRIPTDIR source=../../ops/drills/drill-env.sh
source "${REPO}/ops/drills/drill-env.sh"
# shellcheck source=../../ops/lib/process.sh
source "${REPO}/ops/lib/process.sh"

BENCH_PG_SHARED_BUFFERS="${BENCH_PG_SHARED_BUFFERS:-2GB}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:+ExitOnOutOfMemoryError}"
BENCH_POOL_SIZE="${BENCH_POOL_SIZE:-10}"

log() { printf '[bench %s] %s\n' "$(date -u +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# secrets: generated once per work directory, kept in WORK/secrets.env (mode 600).
bench_secrets() {
  if [[ ! -f "${WORK}/secrets.env" ]]; then
    (
      umask 077
      {
        printf 'OWNER_PASSWORD=%s\n' "$(openssl rand -hex 16)"
        printf 'APP_PASSWORD=%s\n' "$(openssl rand -hex 16)"
        printf 'JWT_SECRET=%s\n' "$(openssl rand -hex 32)"
        printf 'WEBHOOK_SECRET=%s\n' "$(openssl rand -hex 24)"
      } >"${WORK}/secrets.env"
    )
  fi
  # shellcheck disable=SC1091
  source "${WORK}/secrets.env"
}

# pg_start: initialises the cluster the first time (the drills' pg_hba: trust for postgres on loopback,
# passwords for every other role), then starts it with durable settings and records PG_PORT.
bench_pg_start() {
  local data="${WORK}/pg/data" conf
  mkdir -p "${WORK}/pg" "${WORK}/pgsock"
  [[ "$(id -u)" -ne 0 ]] || chown postgres "${WORK}/pg" "${WORK}/pgsock"
  if [[ ! -f "${data}/PG_VERSION" ]]; then
    as_postgres "${PG_BIN}/initdb" -D "$data" -U postgres -A trust >/dev/null
    printf 'local all postgres trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' |
      as_postgres tee "${data}/pg_hba.conf" >/dev/null
    # Realistic durability (fsync and synchronous commit on, the defaults) and memory for a 24 GB machine
    # that also runs the application and the load generator.
    conf="shared_buffers = ${BENCH_PG_SHARED_BUFFERS}
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_connections = 100
max_wal_size = 4GB
checkpoint_timeout = 15min
random_page_cost = 1.1
fsync = on
synchronous_commit = on
log_min_duration_statement = -1
shared_preload_libraries = 'auto_explain'
"
    printf '%s' "$conf" | as_postgres tee -a "${data}/postgresql.conf" >/dev/null
  fi
  PG_PORT="$(cat "${WORK}/pg/port" 2>/dev/null || free_port)"
  printf '%s\n' "$PG_PORT" >"${WORK}/pg/port"
  # Still running from `setup` or an interrupted run: use it.
  as_postgres "${PG_BIN}/pg_ctl" -D "$data" status >/dev/null 2>&1 && return 0
  as_postgres "${PG_BIN}/pg_ctl" -D "$data" -l "${WORK}/pg/server.log" -w -t 120 \
    -o "-p ${PG_PORT} -k ${WORK}/pgsock -c listen_addresses=127.0.0.1" start >/dev/null
}

bench_pg_stop() {
  [[ -d "${WORK}/pg/data" ]] || return 0
  as_postgres "${PG_BIN}/pg_ctl" -D "${WORK}/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}

# psql as the superuser on the bench database.
bench_psql() {
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tracehub -v ON_ERROR_STOP=1 "$@"
}

# bench_db_create: the owner role and the database, as the drills and first-time setup do.
bench_db_create() {
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE tracehub_owner LOGIN CREATEROLE PASSWORD '${OWNER_PASSWORD}'" \
    -c "CREATE DATABASE tracehub OWNER tracehub_owner" >/dev/null
}

# The application's environment (never the owner's credentials).
bench_app_env() {
  printf '%s\n' \
    "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:${PG_PORT}/tracehub" \
    "SPRING_DATASOURCE_USERNAME=tracehub_app" \
    "SPRING_DATASOURCE_PASSWORD=${APP_PASSWORD}" \
    "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=${BENCH_POOL_SIZE}" \
    "TRACEHUB_SECURITY_JWT_SECRET=${JWT_SECRET}" \
    "TRACEHUB_PUBLIC_URL=http://127.0.0.1:${NGINX_PORT:-8080}" \
    "TRACEHUB_DOCUMENTS_STORAGE_TYPE=filesystem" \
    "TRACEHUB_DOCUMENTS_STORAGE_PATH=${WORK}/data/documents" \
    "TRACEHUB_TRACKING_VIZION_WEBHOOK_SECRET=${WEBHOOK_SECRET}" \
    "TRACEHUB_TRACKING_POLLING_ENABLED=false" \
    "TRACEHUB_NOTIFICATIONS_SENDER_ENABLED=false" \
    "LOGGING_STRUCTURED_FORMAT_CONSOLE="
}

# bench_migrate: Liquibase as the owner, exactly as the deploy tool's process runtime does it.
bench_migrate() {
  local -a env_lines
  mapfile -t env_lines < <(bench_app_env)
  env "${env_lines[@]}" SPRING_LIQUIBASE_ENABLED=true SPRING_LIQUIBASE_USER=tracehub_owner \
    SPRING_LIQUIBASE_PASSWORD="$OWNER_PASSWORD" \
    timeout 600 java -jar "$JAR" --tracehub.migrate-only=true </dev/null >"${WORK}/migrate.log" 2>&1 ||
    { tail -n 30 "${WORK}/migrate.log" >&2; die "migration failed (${WORK}/migrate.log)"; }
}

# bench_app_start [EXTRA JAVA OPTS...]: starts the app in its own session and sets APP_PID, APP_PORT and
# COLD_START_MS (process start to the first 200 from /actuator/health/readiness, polled every 50 ms).
bench_app_start() {
  local -a env_lines java_opts
  local t0 t1 i j
  bench_app_stop
  mapfile -t env_lines < <(bench_app_env)
  read -ra java_opts <<<"$BENCH_JAVA_OPTS"
  APP_PORT="$(free_port)"
  t0="$(date +%s%N)"
  env -u SPRING_LIQUIBASE_USER -u SPRING_LIQUIBASE_PASSWORD SPRING_LIQUIBASE_ENABLED=false "${env_lines[@]}" \
    SERVER_PORT="$APP_PORT" setsid java -Dtracehub-bench=app "${java_opts[@]}" "$@" -jar "$JAR" \
    </dev/null >>"${WORK}/app.log" 2>&1 &
  APP_PID=$!
  printf '%s\n' "$APP_PID" >"${WORK}/app.pid"
  for ((i = 0; i < 2400; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:${APP_PORT}/actuator/health/readiness" 2>/dev/null; then
      t1="$(date +%s%N)"
      COLD_START_MS=$(((t1 - t0) / 1000000))
      log "app up on :${APP_PORT} (pid ${APP_PID}), cold start ${COLD_START_MS} ms"
      printf 'server 127.0.0.1:%s;\n' "$APP_PORT" >"${WORK}/nginx/upstream-bench.conf"
      if [[ -f "${WORK}/nginx/nginx.pid" ]]; then
        # A reload is asynchronous: wait until nginx really proxies to the new process.
        nginx -c "${WORK}/nginx/nginx.conf" -s reload 2>/dev/null
        for ((j = 0; j < 100; j++)); do
          curl -fsS -o /dev/null "http://127.0.0.1:${NGINX_PORT}/actuator/health/readiness" 2>/dev/null && break
          sleep 0.1
        done
      fi
      return 0
    fi
    if [[ ! -d "/proc/${APP_PID}" ]]; then
      tail -n 40 "${WORK}/app.log" >&2
      # BENCH_START_SOFT=1: the caller handles it (the memory proof's small heap may be too small).
      [[ "${BENCH_START_SOFT:-0}" == 1 ]] && { log "the app exited during start"; return 1; }
      die "the app exited during start"
    fi
    sleep 0.05
  done
  die "the app was not ready within 120 s (${WORK}/app.log)"
}

# bench_app_stop: graceful (SIGTERM), SIGKILL after 30 s. Only the pid this harness started.
bench_app_stop() {
  local pid
  pid="$(cat "${WORK}/app.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q -- '-Dtracehub-bench=app '; then
    stop_gracefully "$pid" 30
  fi
  rm -f "${WORK}/app.pid"
}

# bench_nginx_start: production-shaped proxy on a free port, plus /bench-static/ served from disk.
bench_nginx_start() {
  local dir="${WORK}/nginx"
  NGINX_PORT="$(cat "${dir}/port" 2>/dev/null || free_port)"
  # The workers (www-data when started as root) spool request bodies and large responses here.
  mkdir -p "${dir}"
  # nginx's workers (www-data when started as root) must reach the static file and the spool directories.
  chmod o+x "$WORK"
  chmod 755 "${dir}"
  mkdir -p "${dir}/tmp"/{body,proxy,fastcgi,uwsgi,scgi} "${dir}/static/bench-static"
  chmod 777 "${dir}/tmp" "${dir}/tmp"/*
  printf '%s\n' "$NGINX_PORT" >"${dir}/port"
  bench_nginx_stop
  head -c 4096 /dev/urandom | base64 -w 76 | head -c 4096 >"${dir}/static/bench-static/4k.txt"
  [[ -f "${dir}/upstream-bench.conf" ]] || printf 'server 127.0.0.1:9;\n' >"${dir}/upstream-bench.conf"
  cat >"${dir}/nginx.conf" <<CONF
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  include ${REPO}/ops/nginx/tracehub/http.conf;
  access_log ${dir}/access.log tracehub;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  upstream tracehub_bench {
    include ${dir}/upstream-bench.conf;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    # Metrics stay private, as in production (the samplers read them on the app port).
    location ^~ /actuator/ { return 404; }
    location ^~ /actuator/health/ {
      proxy_pass http://tracehub_bench;
      include ${REPO}/ops/nginx/tracehub/proxy.conf;
    }
    # The HTTP ceiling: a small file nginx serves itself.
    location ^~ /bench-static/ {
      root ${dir}/static;
    }
    location / {
      proxy_pass http://tracehub_bench;
      include ${REPO}/ops/nginx/tracehub/proxy.conf;
    }
  }
}
CONF
  nginx -c "${dir}/nginx.conf" -t -q
  nginx -c "${dir}/nginx.conf"
}

bench_nginx_stop() { nginx_down "$WORK"; rm -f "${WORK}/nginx/nginx.pid"; }
