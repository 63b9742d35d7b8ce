#!/usr/bin/env bats
# "Re-runnable after a crash at any step": a deploy of v2 over v1 (and a rollback from v2 to v1) is
# killed (SIGKILL, as a power cut or an OOM kill would) inside each of its steps, right after that
# step's effect happened; then the same command is run again and must converge to exactly the state
# of an uninterrupted run. While the tool is dead, some colour must still serve. Fakes as in deploy.bats; the real thing is drills.bats.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $stderr is set by bats' run --separate-stderr
# shellcheck disable=SC2034 # the tests set globals that the sourced libraries read
# shellcheck disable=SC2030,SC2031 # bats runs each test in a subshell; $status is per test

bats_require_minimum_version 1.5.0

load fake-world

setup() {
  fake_setup
  fake_world
  deployed v1
}

# crash_in STEP: wraps the function behind STEP so that, the first time it runs, it does its work
# and then the whole deploy process is killed.
crash_in() {
  local fn
  case "$1" in
    migrate) fn=runtime_migrate ;;
    old-on-new-schema | smoke) fn=smoke_test ;;
    start) fn=runtime_start ;;
    readiness) fn=wait_ready ;;
    switch) fn=nginx_switch ;;
    drain) fn=nginx_drain ;;
    watch) fn=watch_colour ;;
    stop-old) fn=runtime_stop ;;
    state-active) fn=state_set ;;
    *) return 1 ;;
  esac
  # The step's real (fake) work first, then the kill: the worst moment, its effect done, unrecorded.
  eval "$(declare -f "$fn" | sed "1s/^${fn} /crash_real_${fn} /")"
  CRASH_STEP="$1"
  eval "${fn}() {
    local rc=0
    crash_real_${fn} \"\$@\" || rc=\$?
    if crash_due ${fn} \"\$@\"; then touch \"\${W}/crashed\"; kill -KILL \"\$BASHPID\"; fi
    return \$rc
  }"
}

# crash_due FN ARGS: whether this call is the one to crash in (once; smoke_test is called for the
# old colour in old-on-new-schema and for the new one in smoke; state_set only for `active`).
crash_due() {
  [[ ! -e "${W}/crashed" ]] || return 1
  case "${CRASH_STEP}:$1" in
    old-on-new-schema:smoke_test) [[ "$2" == *:9001 ]] ;;
    smoke:smoke_test) [[ "$2" == *:"${CRASH_SMOKE_PORT:-9002}" ]] ;;
    state-active:state_set) [[ "$2" == active ]] ;;
    *) return 0 ;;
  esac
}

# crash_then_rerun STEP [COMMAND...]: COMMAND (default: the deploy of v2) killed in STEP, a look at
# what serves meanwhile, then the same command again.
crash_then_rerun() {
  local step="$1" status_crashed=0
  shift
  (($# > 0)) || set -- cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  (crash_in "$step" && "$@") >/dev/null 2>&1 || status_crashed=$?
  [ -e "${W}/crashed" ]                  # the crash really happened in that step
  [ "$status_crashed" -eq 137 ]           # killed, not a clean exit
  # While nobody runs the tool, nginx points at a colour that runs.
  local port serving
  port="$(cat "${W}/nginx-port")"
  serving="$([ "$port" = 9001 ] && echo blue || echo green)"
  [ -e "${W}/running-${serving}" ]
  # The re-run: the lock freed itself with the dead process.
  run --separate-stderr "$@"
  [ "$status" -eq 0 ] || { echo "$stderr" >&3; return 1; }
}

# converged: exactly what an uninterrupted deploy of v2 over v1 leaves.
converged() {
  [ "$(state_get active)" = green ]
  [ "$(state_get previous)" = blue ]
  [ "$(state_get green.release)" = v2 ]
  [ "$(state_get blue.release)" = v1 ]
  [ "$(cat "${W}/nginx-port")" = 9002 ]
  [ -z "$(cat "${W}/nginx-backup")" ]
  [ -e "${W}/running-green" ] && [ ! -e "${W}/running-blue" ]
  [ "$(cat "${W}/running-green")" = v2 ]
  [[ "$(steps | tail -n 1)" == deploy:ok ]]
  # A rollback still goes back to v1.
  run --separate-stderr cmd_rollback
  [ "$status" -eq 0 ]
  [ "$(state_get active)" = blue ]
  [ "$(cat "${W}/running-blue")" = v1 ]
}

@test "crash inside migrate, then re-run: converges" { crash_then_rerun migrate; converged; }
@test "crash inside old-on-new-schema, then re-run: converges" { crash_then_rerun old-on-new-schema; converged; }
@test "crash inside start, then re-run: converges" { crash_then_rerun start; converged; }
@test "crash inside readiness, then re-run: converges" { crash_then_rerun readiness; converged; }
@test "crash inside smoke, then re-run: converges" { crash_then_rerun smoke; converged; }
@test "crash inside switch (nginx switched, not recorded), then re-run: converges" { crash_then_rerun switch; converged; }
@test "crash right after recording the switch, then re-run: converges" { crash_then_rerun state-active; converged; }
@test "crash inside drain, then re-run: converges" { crash_then_rerun drain; converged; }
@test "crash inside watch, then re-run: converges" { crash_then_rerun watch; converged; }
@test "crash inside stop-old, then re-run: converges" { crash_then_rerun stop-old; converged; }

@test "crash inside watch, the old colour gone meanwhile: the re-run takes it out of nginx" {
  (crash_in watch && cmd_deploy "${W}/release.jar" --release v2 --skip-backup) >/dev/null 2>&1 || true
  # While the tool was dead: green serves, blue is its backup server; then blue dies on its own.
  [ "$(cat "${W}/nginx-port")" = 9002 ] && [ "$(cat "${W}/nginx-backup")" = 9001 ]
  rm -f "${W}/running-blue"
  run --separate-stderr cmd_deploy "${W}/release.jar" --release v2 --skip-backup
  [ "$status" -eq 0 ]
  [ "$(cat "${W}/nginx-port")" = 9002 ]
  [ -z "$(cat "${W}/nginx-backup")" ]
  [[ "$(steps | tail -n 3 | tr '\n' ' ')" == "watch:ok retire-old:ok deploy:ok " ]]
}

@test "the deploy log keeps the crashed run's lines and the re-run's, in order" {
  crash_then_rerun switch
  local log
  log="$(steps | tr '\n' ' ')"
  # v1's deploy, the crashed run up to its switch (which logged no outcome), then the whole re-run.
  local v1="deploy:started backup:skipped migrate:ok start:ok readiness:ok smoke:ok switch:ok drain:ok watch:ok deploy:ok"
  local crashed="deploy:started backup:skipped migrate:ok old-on-new-schema:ok start:ok readiness:ok smoke:ok"
  local rerun="deploy:started backup:skipped migrate:ok old-on-new-schema:ok start:ok readiness:ok smoke:ok switch:ok drain:ok watch:ok retire-old:ok drain:ok stop-old:ok deploy:ok"
  [ "$log" = "${v1} ${crashed} ${rerun} " ]
}

# rolled_back: exactly what an uninterrupted rollback from v2 (green) to v1 (blue) leaves.
rolled_back() {
  [ "$(state_get active)" = blue ]
  [ "$(state_get previous)" = green ]
  [ "$(cat "${W}/nginx-port")" = 9001 ]
  [ -e "${W}/running-blue" ] && [ ! -e "${W}/running-green" ]
  [ "$(cat "${W}/running-blue")" = v1 ]
  [ ! -e "${STATE_DIR}/rollback-to" ]
  [[ "$(steps | tail -n 1)" == rollback:ok ]]
  # Finished, the next rollback goes forward to v2 again.
  run --separate-stderr cmd_rollback
  [ "$status" -eq 0 ]
  [ "$(state_get active)" = green ]
  [ "$(cat "${W}/running-green")" = v2 ]
}

rollback_crash() {
  deployed v2
  CRASH_SMOKE_PORT=9001 crash_then_rerun "$1" cmd_rollback
  rolled_back
}

@test "rollback: crash inside start, then re-run: finishes that rollback" { rollback_crash start; }
@test "rollback: crash inside readiness, then re-run: finishes that rollback" { rollback_crash readiness; }
@test "rollback: crash inside smoke, then re-run: finishes that rollback" { rollback_crash smoke; }
@test "rollback: crash inside switch, then re-run: finishes that rollback" { rollback_crash switch; }
@test "rollback: crash right after recording the switch, then re-run: finishes it, no toggle back" { rollback_crash state-active; }
@test "rollback: crash inside drain, then re-run: finishes it, no toggle back" { rollback_crash drain; }
@test "rollback: crash inside stop-old, then re-run: finishes it, no toggle back" { rollback_crash stop-old; }

@test "a deploy after an interrupted rollback makes the next rollback start afresh" {
  deployed v2
  CRASH_SMOKE_PORT=9001
  (crash_in smoke && cmd_rollback) >/dev/null 2>&1 || true
  [ -e "${STATE_DIR}/rollback-to" ]
  deployed v3
  [ ! -e "${STATE_DIR}/rollback-to" ]
  [ "$(state_get active)" = blue ]
  run --separate-stderr cmd_rollback
  [ "$status" -eq 0 ]
  [ "$(state_get active)" = green ]
  [ "$(cat "${W}/running-green")" = v2 ]
}
