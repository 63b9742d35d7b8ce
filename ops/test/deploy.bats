#!/usr/bin/env bats
# Unit tests of ops/tracehub and its ops/deploy libraries, with fakes for the runtime, nginx and the
# network; the real thing under load is in drills.bats.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $stderr is set by bats' run --separate-stderr
# shellcheck disable=SC2034 # the tests set globals that the sourced libraries read
# shellcheck disable=SC2016 # fake commands are written in single quotes on purpose

bats_require_minimum_version 1.5.0

load alert-receiver
load fake-world

setup() {
  fake_setup
  unset TRACEHUB_ALERT_WEBHOOK TRACEHUB_ALERT_WEBHOOK_FILE
}

teardown() {
  stop_alert_receiver
}

@test "--help documents every command" {
  run main --help
  [ "$status" -eq 0 ]
  local command
  for command in deploy rollback status backup restore restore-drill health-check smoke-test check-disk alert-test alert; do
    [[ "$output" == *"  ${command} "* ]]
  done
}

@test "an unknown command fails with a hint" {
  run --separate-stderr main launch production
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"unknown command 'launch'"* ]]
  [[ "$stderr" == *"fix:"* ]]
}

@test "a command without an environment fails with a hint" {
  run --separate-stderr main deploy
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"deploy needs an environment"* ]]
}

@test "backup, restore and restore-drill hand over to ops/backup unchanged" {
  OPS_DIR="${W}/ops"
  mkdir -p "${OPS_DIR}/backup"
  local name
  for name in backup restore restore-drill; do
    printf '#!/bin/sh\necho "%s $*"\n' "$name" >"${OPS_DIR}/backup/${name}.sh"
    chmod +x "${OPS_DIR}/backup/${name}.sh"
  done
  run main backup production --now
  [ "$output" = "backup production --now" ]
  run main restore-drill staging
  [ "$output" = "restore-drill staging" ]
}

@test "a missing backup script is reported, not ignored" {
  OPS_DIR="${W}/nowhere"
  run --separate-stderr main restore production
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"backup/restore.sh is missing"* ]]
}

@test "production and staging have the ports of the operations spec" {
  unset TRACEHUB_CONFIG
  TRACEHUB_STATE_DIR="$W" load_config production
  [ "$BLUE_PORT" = 8001 ] && [ "$GREEN_PORT" = 8002 ]
  TRACEHUB_STATE_DIR="$W" load_config staging
  [ "$BLUE_PORT" = 8101 ] && [ "$GREEN_PORT" = 8102 ]
  [ "$TRACEHUB_NGINX_UPSTREAM_FILE" = /etc/nginx/tracehub/upstream-production.conf ]
}

@test "another environment needs its ports configured" {
  unset TRACEHUB_CONFIG
  run --separate-stderr load_config qa
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"no ports for environment qa"* ]]
}

@test "the configuration file is read and the environment wins over it" {
  TRACEHUB_WATCH_SECONDS=5
  printf 'TRACEHUB_WATCH_SECONDS=90\nTRACEHUB_READY_TIMEOUT=30\n' >>"$TRACEHUB_CONFIG"
  load_config test
  [ "$BLUE_PORT" = 9001 ]
  [ "$TRACEHUB_WATCH_SECONDS" = 5 ]
  [ "$TRACEHUB_READY_TIMEOUT" = 30 ]
  [ "$STATE_DIR" = "${W}/state" ]
}

@test "rejects an environment name that is not a plain word" {
  run --separate-stderr load_config '../etc'
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"bad environment name"* ]]
}

@test "reads a secret from NAME or from the file in NAME_FILE" {
  printf 's3cret\n' >"${W}/pw"
  [ "$(TRACEHUB_X_FILE="${W}/pw" secret TRACEHUB_X)" = s3cret ]
  [ "$(TRACEHUB_X=direct TRACEHUB_X_FILE="${W}/pw" secret TRACEHUB_X)" = direct ]
  run --separate-stderr secret_from_missing_file
}

secret_from_missing_file() { TRACEHUB_X_FILE="${W}/absent" secret TRACEHUB_X; }

@test "environment files: comments and blanks skipped, bad lines rejected" {
  printf '# comment\n\nA=1\n  B=two words\n' >"${W}/ok.env"
  run env_file_lines "${W}/ok.env"
  [ "$output" = "$(printf 'A=1\nB=two words')" ]
  [ "$(env_file_value "${W}/ok.env" A)" = 1 ]
  printf 'export A=1\n' >"${W}/bad.env"
  run --separate-stderr env_file_lines "${W}/bad.env"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"use KEY=VALUE lines"* ]]
}

@test "a second holder of the deploy lock is refused with a clear message" {
  load_config test
  mkdir -p "$STATE_DIR"
  flock "${STATE_DIR}/deploy.lock" sleep 5 3>&- &
  local holder=$!
  sleep 0.3
  run --separate-stderr lock_acquire "${STATE_DIR}/deploy.lock"
  kill "$holder"
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"another deploy or rollback of this environment is running"* ]]
  [[ "$stderr" == *"fix:"* ]]
}

@test "the lock is free again once its holder has gone" {
  load_config test
  mkdir -p "$STATE_DIR"
  (lock_acquire "${STATE_DIR}/deploy.lock")
  (lock_acquire "${STATE_DIR}/deploy.lock")
}

@test "deploy log lines are JSON with time, env, release, step and outcome" {
  DEPLOY_LOG="${W}/deploy.log" DEPLOY_ENV=production DEPLOY_RELEASE='v"2' DEPLOY_FROM=blue DEPLOY_TO=green
  log_step migrate ok 1200 'a "quoted" detail' 2>/dev/null
  log_step switch failed 2>/dev/null
  [ "$(wc -l <"$DEPLOY_LOG")" -eq 2 ]
  run node -e 'const [a,b]=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse);
    console.log([a.env,a.release,a.from,a.to,a.step,a.outcome,a.duration_ms,a.detail,b.outcome,typeof a.time].join("|"))' "$DEPLOY_LOG"
  [ "$output" = 'production|v"2|blue|green|migrate|ok|1200|a "quoted" detail|failed|string' ]
}

# Fake nginx: records its arguments; `-t` fails when $W/nginx-t-fails exists; `-s reload` replaces
# the worker list that the fake pgrep prints (unless $W/reload-ignored exists).
fake_nginx() {
  printf '%s\n' 11 12 >"${W}/workers"
  echo 10 >"${W}/nginx.pid"
  cat >"${BIN}/nginx" <<FAKE
#!/bin/sh
echo "nginx \$*" >>"${W}/nginx-calls"
case "\$*" in
  *-t*) [ ! -e "${W}/nginx-t-fails" ] ;;
  *reload*) [ -e "${W}/reload-ignored" ] || echo \$(( \$(tail -n 1 "${W}/workers") + 10 )) >"${W}/workers" ;;
esac
FAKE
  printf '#!/bin/sh\ncat "%s/workers"\n' "$W" >"${BIN}/pgrep"
  chmod +x "${BIN}/nginx" "${BIN}/pgrep"
  export TRACEHUB_NGINX_PID_FILE="${W}/nginx.pid"
  TRACEHUB_NGINX_UPSTREAM_FILE="${W}/upstream-test.conf"
  printf 'server 127.0.0.1:9001;\n' >"$TRACEHUB_NGINX_UPSTREAM_FILE"
}

@test "the switch replaces the upstream file, tests and reloads nginx" {
  fake_nginx
  nginx_switch 9002 green 2>/dev/null
  [ "$(upstream_port)" = 9002 ]
  grep -q -- '-t -q' "${W}/nginx-calls"
  grep -q -- '-s reload' "${W}/nginx-calls"
  [ "$OLD_WORKERS" = "$(printf '11\n12')" ]
  [ -z "$(find "$W" -name 'upstream-test.conf.new.*')" ]
}

@test "a switch with a backup colour lists it as nginx's backup server; the active port is still the primary" {
  fake_nginx
  nginx_switch 9002 green 9001 blue 2>/dev/null
  [ "$(upstream_port)" = 9002 ]
  [ "$(grep -c '^server' "$TRACEHUB_NGINX_UPSTREAM_FILE")" -eq 2 ]
  grep -qx 'server 127.0.0.1:9002;' "$TRACEHUB_NGINX_UPSTREAM_FILE"
  grep -qx 'server 127.0.0.1:9001 backup;' "$TRACEHUB_NGINX_UPSTREAM_FILE"
  [ "$(upstream_backup_port)" = 9001 ]
  # Retiring the old colour leaves the new one alone.
  nginx_switch 9002 green 2>/dev/null
  [ "$(grep -c '^server' "$TRACEHUB_NGINX_UPSTREAM_FILE")" -eq 1 ]
  [ -z "$(upstream_backup_port)" ]
  grep -qx 'server 127.0.0.1:9002;' "$TRACEHUB_NGINX_UPSTREAM_FILE"
}

@test "a switch that nginx -t rejects restores the previous file and does not reload" {
  fake_nginx
  touch "${W}/nginx-t-fails"
  run nginx_switch 9002 green
  [ "$status" -ne 0 ]
  [ "$(upstream_port)" = 9001 ]
  run ! grep -q reload "${W}/nginx-calls"
}

@test "a reload that nginx does not apply restores the previous file" {
  fake_nginx
  touch "${W}/reload-ignored"
  run nginx_switch 9002 green
  [ "$status" -ne 0 ]
  [ "$(upstream_port)" = 9001 ]
  [[ "$output" == *"restoring the previous upstream"* ]]
}

@test "the drain waits until the old nginx workers have exited" {
  sleep 1 &
  OLD_WORKERS="$!"
  local started=$SECONDS
  nginx_drain
  [ ! -d "/proc/${OLD_WORKERS}" ]
  ((SECONDS - started <= 3))
}

@test "the drain gives up after its timeout" {
  sleep 5 &
  OLD_WORKERS="$!"
  TRACEHUB_DRAIN_TIMEOUT=1 run nginx_drain
  kill "$OLD_WORKERS"
  [ "$status" -ne 0 ]
  [[ "$output" == *"old nginx workers still running"* ]]
}

@test "the watch counts 5xx answers of the new colour in nginx's access log" {
  load_config test
  TRACEHUB_NGINX_ACCESS_LOG="${W}/access.log"
  local i
  for ((i = 0; i < 30; i++)); do
    printf '127.0.0.1 - [t] "GET /health HTTP/1.1" 200 5 rt=0.001 urt=0.001 upstream=127.0.0.1:9002 host=x\n'
    printf '127.0.0.1 - [t] "GET /health HTTP/1.1" 502 5 rt=0.001 urt=0.001 upstream=127.0.0.1:9001 host=x\n'
  done >"$TRACEHUB_NGINX_ACCESS_LOG"
  proxy_5xx_check 0 9002
  run proxy_5xx_check 0 9001
  [ "$status" -ne 0 ]
  [ "$output" = "30 of 30 proxied requests answered 5xx" ]
  printf '127.0.0.1 - [t] "POST /api/x HTTP/1.1" 503 5 rt=0.001 urt=0.001 upstream=127.0.0.1:9002 host=x\n' >>"$TRACEHUB_NGINX_ACCESS_LOG"
  proxy_5xx_check 0 9002
  proxy_5xx_check "$(stat -c %s "$TRACEHUB_NGINX_ACCESS_LOG")" 9001
}

# Fake curl answering like TraceHub: 200 everywhere, a token from sign-in; $W/fail-<word> makes the
# URL containing <word> answer 500.
fake_curl() {
  cat >"${BIN}/curl" <<FAKE
#!/bin/bash
url="\${!#}"
code=200
for f in "${W}"/fail-*; do [ -e "\$f" ] && [[ "\$url" == *"\${f##*/fail-}"* ]] && code=500; done
case "\$url" in
  */api/auth/login) cat >"${W}/login-body"; printf '{"accessToken":"tok123","tokenType":"Bearer"}\n%s' "\$code" ;;
  *) [[ "\$*" != *"-H @-"* ]] || cat >"${W}/auth-header"; printf '%s' "\$code" ;;
esac
FAKE
  chmod +x "${BIN}/curl"
}

@test "the smoke test signs in with the smoke account and calls the API with its token" {
  fake_curl
  printf 'TRACEHUB_BOOTSTRAP_SMOKE_EMAIL=smoke@example.test\nTRACEHUB_BOOTSTRAP_SMOKE_PASSWORD=pw-from-env-file\n' >"${W}/app.env"
  TRACEHUB_APP_ENV_FILE="${W}/app.env" run smoke_test http://127.0.0.1:9001
  [ "$status" -eq 0 ]
  [[ "$output" == *"smoke ok: GET /api/reference/locations"* ]]
  [ "$(cat "${W}/login-body")" = '{"email":"smoke@example.test","password":"pw-from-env-file"}' ]
  [ "$(cat "${W}/auth-header")" = 'Authorization: Bearer tok123' ]
}

@test "the smoke test fails when an authenticated call fails" {
  fake_curl
  touch "${W}/fail-me"
  TRACEHUB_SMOKE_EMAIL=a@b.test TRACEHUB_SMOKE_PASSWORD=x run smoke_test http://127.0.0.1:9001
  [ "$status" -ne 0 ]
  [[ "$output" == *"smoke FAILED: GET /api/me answered 500"* ]]
}

@test "the smoke test needs a smoke account" {
  fake_curl
  run smoke_test http://127.0.0.1:9001
  [ "$status" -ne 0 ]
  [[ "$output" == *"no smoke account configured"* ]]
}

@test "a good deploy runs the steps in order and leaves the new colour active" {
  fake_world
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v1 --skip-backup
  [ "$status" -eq 0 ]
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  [ "$status" -eq 0 ]
  [ "$(state_get active)" = green ]
  [ "$(state_get previous)" = blue ]
  [ "$(state_get green.release)" = v2 ]
  [ "$(cat "${W}/nginx-port")" = 9002 ]
  [ ! -e "${W}/running-blue" ]
  [ -z "$(cat "${W}/nginx-backup")" ]
  [ "$(steps | tail -n 14 | tr '\n' ' ')" = "deploy:started backup:skipped migrate:ok old-on-new-schema:ok start:ok readiness:ok smoke:ok switch:ok drain:ok watch:ok retire-old:ok drain:ok stop-old:ok deploy:ok " ]
}

@test "a release that never becomes ready is not switched to" {
  fake_world
  deployed v1
  touch "${W}/unready-v2"
  alerts_to_receiver
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"ALERT: deploy of v2 in test failed at step readiness"* ]]
  [ "$(received_kinds "$R")" = deploy-failed ]
  [ "$(received_field "$R" 1 release)" = v2 ]
  [ "$(state_get active)" = blue ]
  [ "$(cat "${W}/nginx-port")" = 9001 ]
  [ ! -e "${W}/running-green" ]
  [ -z "$(state_get green.release)" ]
  [[ "$(steps | tail -n 1)" == deploy:failed ]]
}

@test "a release that fails its smoke test is not switched to and never becomes the rollback target" {
  fake_world
  deployed v1
  deployed v2
  touch "${W}/smokefail-9001"
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v3 --skip-backup
  [ "$status" -eq 1 ]
  [ "$(state_get active)" = green ]
  [ "$(state_get blue.release)" = v1 ]
  [ "$(cat "${W}/nginx-port")" = 9002 ]
}

@test "a release that degrades in the watch window is switched back automatically" {
  fake_world
  deployed v1
  touch "${W}/degrade-green"
  alerts_to_receiver
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  [ "$status" -eq 3 ]
  [ "$(received_kinds "$R")" = switched-back ]
  [ "$(state_get active)" = blue ]
  [ "$(cat "${W}/nginx-port")" = 9001 ]
  [ -e "${W}/running-blue" ] && [ ! -e "${W}/running-green" ]
  [[ "$stderr" == *"ALERT: green degraded inside the watch window; switched back to blue"* ]]
  [[ "$(steps | tail -n 3 | tr '\n' ' ')" == "switch-back:ok drain:ok deploy:rolled-back " ]]
}

@test "the live release failing its smoke test on the new schema raises an alert; the deploy goes on" {
  fake_world
  deployed v1
  touch "${W}/smokefail-9001"
  alerts_to_receiver
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  [ "$status" -eq 0 ]
  [[ "$stderr" == *"ALERT: blue fails its smoke test on the new schema"* ]]
  [ "$(received_kinds "$R")" = old-on-new-schema ]
  [ "$(state_get active)" = green ]
}

@test "a webhook that is down changes neither a good deploy nor a failed one" {
  fake_world
  export TRACEHUB_ALERT_WEBHOOK="http://127.0.0.1:9/unreachable"
  deployed v1
  deployed v2
  run --separate-stderr cmd_rollback
  [ "$status" -eq 0 ]
  [[ "$stderr" == *"warning: the alert webhook did not accept the alert"* ]]
  touch "${W}/unready-v3"
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v3 --skip-backup
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"ALERT: deploy of v3"* ]]
}

@test "re-running a deploy that already switched converges without migrating again" {
  fake_world
  deployed v1
  : >"${W}/calls"
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v1 --skip-backup
  [ "$status" -eq 0 ]
  [ ! -s "${W}/calls" ]
  [[ "$(steps | tail -n 3 | head -n 1)" == deploy:already-live ]]
}

@test "a deploy interrupted after starting the new colour reuses it when re-run" {
  fake_world
  deployed v1
  install_release green "${W}/release.jar" v2
  runtime_start green
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  [ "$status" -eq 0 ]
  [ "$(state_get active)" = green ]
}

@test "the pre-deploy backup is required unless skipped explicitly" {
  fake_world
  alerts_to_receiver
  TRACEHUB_BACKUP_SCRIPT="${W}/absent.sh" run --separate-stderr cmd_deploy "${W}/release.jar" --release v1
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"pre-deploy backup failed; nothing was changed"* ]]
  [[ "$stderr" == *"ALERT: deploy of v1 in test failed at step backup"* ]]
  [ "$(received_kinds "$R")" = deploy-failed ]
  [ -z "$(state_get active)" ]
  printf '#!/bin/sh\necho "backup $*" >>"%s/calls"\n' "$W" >"${W}/backup.sh"
  chmod +x "${W}/backup.sh"
  TRACEHUB_BACKUP_SCRIPT="${W}/backup.sh" run --separate-stderr cmd_deploy "${W}/release.jar" --release v1
  [ "$status" -eq 0 ]
  grep -qx 'backup test' "${W}/calls"
  [ "$(received_count "$R")" = 1 ] # a good deploy raises none
}

@test "rollback switches to the previous release and stops the current one" {
  fake_world
  deployed v1
  deployed v2
  alerts_to_receiver
  run --separate-stderr cmd_rollback
  [ "$status" -eq 0 ]
  [ "$(received_kinds "$R")" = rollback ]
  [ "$(received_field "$R" 1 severity)" = notice ]
  [[ "$stderr" == *"ALERT: rollback in test: v1 serves on blue again - by "*"; v2 on green stopped"* ]]
  [ "$(state_get active)" = blue ]
  [ "$(cat "${W}/running-blue")" = v1 ]
  [ ! -e "${W}/running-green" ]
  [ "$(cat "${W}/nginx-port")" = 9001 ]
  [[ "$(steps | tail -n 1)" == rollback:ok ]]
}

@test "rollback refuses when there is nothing to go back to" {
  fake_world
  deployed v1
  run --separate-stderr cmd_rollback
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"no previous release recorded"* ]]
  [[ "$stderr" == *"ALERT: rollback in test failed at step preflight"* ]]
}

@test "rollback keeps the current colour when the previous one is not ready" {
  fake_world
  deployed v1
  deployed v2
  touch "${W}/unready-v1"
  alerts_to_receiver
  run --separate-stderr cmd_rollback
  [ "$status" -ne 0 ]
  [ "$(received_kinds "$R")" = rollback-failed ]
  [[ "$stderr" == *"ALERT: rollback of v1 in test failed at step readiness"* ]]
  [ "$(state_get active)" = green ]
  [ "$(cat "${W}/nginx-port")" = 9002 ]
}

@test "status names the active colour and each colour's release" {
  fake_world
  deployed v1
  run cmd_status
  [[ "$output" == *"active:      blue"* ]]
  [[ "$output" == *"blue   port 9001  ready     v1"* ]]
  [[ "$output" == *"green  port 9002  stopped"* ]]
}

@test "status shows the build each running colour reports on /health" {
  fake_world
  deployed v1
  # The running colour's /health, as the application answers it.
  printf '#!/bin/sh
case "$*" in *127.0.0.1:9001/health*) echo %s ;; *) exit 7 ;; esac
' \
    "'{\"status\":\"UP\",\"version\":\"v1\",\"build\":\"1.4.2\",\"components\":{}}'" >"${BIN}/curl"
  chmod +x "${BIN}/curl"
  run cmd_status
  [[ "$output" == *"blue   port 9001  ready     v1  (build 1.4.2)"* ]]
  [[ "$output" == *"green  port 9002  stopped   "* ]]
  [[ "$output" != *"green"*"(build"* ]]
}

@test "the compose runtime drives app-<colour> services with the recorded images" {
  load_config test
  mkdir -p "$STATE_DIR"
  printf '#!/bin/sh\necho "IMAGE_BLUE=$TRACEHUB_IMAGE_BLUE IMAGE_MIGRATE=$TRACEHUB_IMAGE_MIGRATE $*" >>"%s/docker-calls"\n' "$W" >"${BIN}/docker"
  chmod +x "${BIN}/docker"
  TRACEHUB_RUNTIME=compose TRACEHUB_COMPOSE_FILE=prod.yml
  install_release blue ghcr.io/o/tracehub@sha256:abc r1
  runtime_start blue
  runtime_migrate blue
  runtime_stop blue
  run cat "${W}/docker-calls"
  [ "${lines[0]}" = "IMAGE_BLUE=ghcr.io/o/tracehub@sha256:abc IMAGE_MIGRATE= compose -f prod.yml -p tracehub-test up -d --no-deps --force-recreate app-blue" ]
  [ "${lines[1]}" = "IMAGE_BLUE=ghcr.io/o/tracehub@sha256:abc IMAGE_MIGRATE=ghcr.io/o/tracehub@sha256:abc compose -f prod.yml -p tracehub-test run --rm --no-deps migrate" ]
  [ "${lines[2]}" = "IMAGE_BLUE=ghcr.io/o/tracehub@sha256:abc IMAGE_MIGRATE= compose -f prod.yml -p tracehub-test stop --timeout 30 app-blue" ]
}

@test "the process runtime starts a colour detached, with its port, and stops it" {
  load_config test
  mkdir -p "$STATE_DIR"
  printf 'APP_SETTING=from-env-file\nSPRING_LIQUIBASE_USER=never-passed\n' >"${W}/app.env"
  printf '#!/bin/bash\necho "port=$SERVER_PORT liquibase=$SPRING_LIQUIBASE_ENABLED user=${SPRING_LIQUIBASE_USER:-none} release=$TRACEHUB_RELEASE setting=$APP_SETTING args=$*" >"%s/java-env"\nsleep 30\n' "$W" >"${BIN}/fakejava"
  chmod +x "${BIN}/fakejava"
  TRACEHUB_JAVA="${BIN}/fakejava" TRACEHUB_APP_ENV_FILE="${W}/app.env"
  touch "${W}/release.jar"
  install_release green "${W}/release.jar" r7 --extra=1
  runtime_start green
  sleep 0.5
  runtime_running green
  run cat "${W}/java-env"
  [[ "$output" == "port=9002 liquibase=false user=none release=r7 setting=from-env-file args=-Dtracehub-colour=green -jar ${STATE_DIR}/releases/r7/tracehub.jar --extra=1" ]]
  runtime_stop green
  run ! runtime_running green
}

@test "the load generator counts non-2xx answers as failed" {
  node -e 'require("http").createServer((q,s)=>{s.statusCode=q.method==="POST"?500:200;s.end("x")}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})' >"${W}/port" 3>&- &
  local server=$! i
  for ((i = 0; i < 50; i++)); do [[ -s "${W}/port" ]] && break; sleep 0.1; done
  run node "${BATS_TEST_DIRNAME}/../drills/loadgen.mjs" --url "http://127.0.0.1:$(cat "${W}/port")" --post /x --seconds 1
  kill "$server"
  [ "$status" -eq 0 ]
  [ "$(json_get "$output" failed)" = "$(json_get "$output" post)" ]
  [ "$(json_get "$output" ok)" = "$(json_get "$output" get)" ]
  [ "$(json_get "$output" races)" = 0 ]
}

json_get() { node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$1" "$2"; }
