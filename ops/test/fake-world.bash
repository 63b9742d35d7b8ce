# shellcheck shell=bash
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2317 # the fakes are called by the sourced libraries, not here
# A fake world for unit tests of the deploy tool (deploy.bats, deploy-crash.bats): colours are marker
# files, readiness and smoke answer from files, nginx is a file. Loaded with `load fake-world`.
# shellcheck disable=SC2034 # the tests set globals that the sourced libraries read

# fake_setup: sources the tool and points it at a throw-away configuration under the test's tmpdir.
fake_setup() {
  # shellcheck source=../tracehub
  source "${BATS_TEST_DIRNAME}/../tracehub"
  BIN="${BATS_TEST_TMPDIR}/bin"
  W="${BATS_TEST_TMPDIR}/world"
  mkdir -p "$BIN" "$W"
  PATH="${BIN}:${PATH}"
  export TRACEHUB_CONFIG="${W}/test.conf"
  printf 'TRACEHUB_STATE_DIR=%s\nTRACEHUB_BLUE_PORT=9001\nTRACEHUB_GREEN_PORT=9002\nTRACEHUB_NGINX_UPSTREAM_FILE=%s\n' \
    "${W}/state" "${W}/upstream-test.conf" >"$TRACEHUB_CONFIG"
}

fake_world() {
  load_config test
  preflight() { mkdir -p "$STATE_DIR"; }
  runtime_running() { [[ -e "${W}/running-$1" ]]; }
  runtime_start() { state_get "$1.release" >"${W}/running-$1"; }
  runtime_stop() { rm -f "${W}/running-$1"; }
  runtime_migrate() { echo "migrate $(state_get "$1.release")" >>"${W}/calls"; }
  is_ready() { runtime_running "$1" && [[ ! -e "${W}/unready-$(cat "${W}/running-$1")" ]]; }
  wait_ready() { is_ready "$1"; }
  smoke_test() { [[ ! -e "${W}/smokefail-${1##*:}" ]]; }
  nginx_switch() { echo "$1" >"${W}/nginx-port"; echo "${3:-}" >"${W}/nginx-backup"; OLD_WORKERS=""; }
  upstream_backup_port() { cat "${W}/nginx-backup" 2>/dev/null || true; }
  nginx_drain() { :; }
  watch_colour() { [[ ! -e "${W}/degrade-$1" ]]; }
  touch "${W}/release.jar"
}

# deployed RELEASE: a finished deploy, in its own process as from the command line.
deployed() { (cmd_deploy "${W}/release.jar" --release "$1" --skip-backup) 2>/dev/null; }

# steps: "step:outcome" of every deploy log line, oldest first.
steps() { node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) { const o = JSON.parse(l); console.log(o.step + ":" + o.outcome); }' "$DEPLOY_LOG"; }
