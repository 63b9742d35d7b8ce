#!/usr/bin/env bash
# Blue-green deploy and rollback (docs/operations/deploy.md): lock, log, backup, migrate, start the
# idle colour, readiness, smoke, switch, drain, watch (switching back on failure), stop the old one.
# Every step checks what is already true first, so a re-run after a crash at any point converges.

state_get() { cat "${STATE_DIR}/${1}" 2>/dev/null || true; }

state_set() {
  local tmp
  tmp="$(mktemp "${STATE_DIR}/.${1}.XXXXXX")"
  printf '%s\n' "$2" >"$tmp"
  mv -f "$tmp" "${STATE_DIR}/${1}"
}

# The colour that serves: the state file `active`, written right after each successful switch (so a
# crash between the nginx switch and that write is repaired by re-running: the switch repeats).
active_colour() { state_get active; }

# run_step NAME COMMAND...: runs a step and logs its outcome and duration.
run_step() {
  local name="$1" started rc=0
  shift
  started="$(now_ms)"
  DEPLOY_STEP="$name"
  "$@" || rc=$?
  if ((rc == 0)); then
    log_step "$name" ok "$(($(now_ms) - started))"
  else
    log_step "$name" failed "$(($(now_ms) - started))"
  fi
  return "$rc"
}

# release_name ARTEFACT: a jar's name and the start of its SHA-256, or an image reference as given.
release_name() {
  if [[ -f "$1" ]]; then
    printf '%s-%s\n' "$(basename "$1" .jar)" "$(sha256sum "$1" | cut -c1-12)"
  else
    printf '%s\n' "${1##*/}"
  fi
}

preflight() {
  local artefact="$1" free_kb
  if [[ "$(runtime_kind)" == process ]]; then
    [[ -f "$artefact" ]] || die "artefact ${artefact} not found" "build it (./mvnw -B package) or pass the path of a released jar"
  fi
  mkdir -p "$STATE_DIR"
  free_kb="$(df -Pk "$STATE_DIR" | awk 'NR == 2 { print $4 }')"
  ((free_kb > ${TRACEHUB_MIN_FREE_KB:-1048576})) || die "less than $((${TRACEHUB_MIN_FREE_KB:-1048576} / 1024)) MB free under ${STATE_DIR}" "free disk space (old releases under ${STATE_DIR}/releases, logs) first"
  nginx_cmd -t -q || die "nginx configuration invalid before the deploy" "fix it first: nginx -t"
}

# install_release COLOUR ARTEFACT RELEASE [ARGS...]: records what COLOUR runs; process jars are
# copied under releases/ so that a rollback still has them after the build directory changed.
install_release() {
  local colour="$1" artefact="$2" release="$3" dir
  shift 3
  local record
  for record in artefact release args; do
    [[ ! -e "${STATE_DIR}/${colour}.${record}" ]] || cp -p "${STATE_DIR}/${colour}.${record}" "${STATE_DIR}/${colour}.${record}.before"
  done
  if [[ "$(runtime_kind)" == process ]]; then
    dir="${STATE_DIR}/releases/${release}"
    if [[ ! -f "${dir}/tracehub.jar" ]]; then
      mkdir -p "$dir"
      cp "$artefact" "${dir}/.tracehub.jar.tmp"
      mv -f "${dir}/.tracehub.jar.tmp" "${dir}/tracehub.jar"
    fi
    artefact="${dir}/tracehub.jar"
  fi
  state_set "${colour}.artefact" "$artefact"
  state_set "${colour}.release" "$release"
  if (($# > 0)); then printf '%s\n' "$@" >"${STATE_DIR}/${colour}.args"; else : >"${STATE_DIR}/${colour}.args"; fi
}

backup_step() {
  local script="${TRACEHUB_BACKUP_SCRIPT:-${OPS_DIR}/backup/backup.sh}"
  [[ -x "$script" ]] || { say "no backup script at ${script}"; return 1; }
  "$script" "$DEPLOY_ENV"
}

start_colour() {
  local colour="$1"
  runtime_running "$colour" && return 0
  runtime_start "$colour"
}

# switch_to COLOUR [BACKUP_COLOUR]: points nginx at COLOUR (BACKUP_COLOUR as its backup server) and
# records it; sets OLD_WORKERS for nginx_drain.
switch_to() {
  if [[ -n "${2:-}" ]]; then
    nginx_switch "$(colour_port "$1")" "$1" "$(colour_port "$2")" "$2" || return 1
  else
    nginx_switch "$(colour_port "$1")" "$1" || return 1
  fi
  state_set active "$1"
}

# forget_release COLOUR: puts back what COLOUR ran before install_release, so that a rollback never
# goes to a release that failed its deploy.
forget_release() {
  local record
  for record in artefact release args; do
    if [[ -e "${STATE_DIR}/${1}.${record}.before" ]]; then
      mv -f "${STATE_DIR}/${1}.${record}.before" "${STATE_DIR}/${1}.${record}"
    else
      rm -f "${STATE_DIR}/${1}.${record}"
    fi
  done
}

# give_up COLOUR STEP: a release that failed before the switch: stop it, keep serving the old one.
give_up() {
  runtime_stop "$1" || true
  forget_release "$1"
  log_step deploy failed "" "$2 failed; ${DEPLOY_FROM:-nothing} keeps serving"
  exit 1
}

# finish_watch NEW OLD: the watch window, then stop OLD; on degradation switch back to OLD.
finish_watch() {
  local new="$1" old="$2"
  if [[ -z "$old" ]] || ! runtime_running "$old"; then
    run_step watch watch_colour "$new" "${TRACEHUB_WATCH_SECONDS:-60}" ||
      alert deploy-degraded "${new} degraded inside the watch window and there is no old colour to return to" "it keeps serving; look at it now"
    # A run that died in its watch window left the old colour as backup server; that colour is gone
    # now, and the next deploy starts its release on that port: it must not get traffic untested.
    if [[ -n "$(upstream_backup_port)" ]]; then
      run_step retire-old switch_to "$new" || die "could not take the stopped colour out of nginx" "check nginx -t and its error log, then re-run the deploy"
    fi
    return 0
  fi
  if run_step watch watch_colour "$new" "${TRACEHUB_WATCH_SECONDS:-60}"; then
    # The old colour leaves nginx (it was the backup server) and its last requests finish before it stops.
    run_step retire-old switch_to "$new" || die "could not take ${old} out of nginx" "check nginx -t and its error log, then re-run the deploy"
    run_step drain nginx_drain || true
    run_step stop-old runtime_stop "$old"
    return 0
  fi
  say "${new} degraded inside the watch window; switching back to ${old}"
  run_step switch-back switch_to "$old" || die "could not switch back to ${old}" "switch by hand: ops/tracehub rollback ${DEPLOY_ENV}"
  # shellcheck disable=SC2153 # DEPLOY_LOG is set by load_config
  alert switched-back "${new} degraded inside the watch window; switched back to ${old}" \
    "${DEPLOY_RELEASE:-the new release} was taken out of service; see ${DEPLOY_LOG}"
  run_step drain nginx_drain || true
  runtime_stop "$new" || true
  forget_release "$new"
  log_step deploy rolled-back "" "${new} degraded in the watch window; ${old} serves again"
  exit 3
}

# alert_on_failure STATUS: the EXIT trap of deploy and rollback. Every way they fail (a failed step,
# or a check that stops them with die) raises one alert naming the step it stopped at. Exit 3 (switched
# back automatically) raised its own alert already.
alert_on_failure() {
  local status="$1" kind="${DEPLOY_COMMAND}-failed"
  ((status != 0 && status != 3)) || return 0
  [[ "$DEPLOY_STEP" != switch-back ]] || kind=switch-back-failed
  alert "$kind" "${DEPLOY_COMMAND}${DEPLOY_RELEASE:+ of ${DEPLOY_RELEASE}} in ${DEPLOY_ENV} failed at step ${DEPLOY_STEP}" \
    "exit ${status}; ops/tracehub status ${DEPLOY_ENV} shows what serves, ${DEPLOY_LOG} what happened"
}

# cmd_deploy ENV ARTEFACT [--release NAME] [--skip-backup] [-- APP ARGS...]
cmd_deploy() {
  local artefact="" release="" skip_backup=false active target
  local -a app_args=()
  while (($# > 0)); do
    case "$1" in
      --release) release="${2:?--release needs a name}"; shift ;;
      --skip-backup) skip_backup=true ;;
      --) shift; app_args=("$@"); break ;;
      -*) die "unknown option $1" "see ops/tracehub --help" ;;
      *) [[ -z "$artefact" ]] || die "unexpected argument $1" "see ops/tracehub --help"; artefact="$1" ;;
    esac
    shift
  done
  [[ -n "$artefact" ]] || die "deploy needs an artefact" "ops/tracehub deploy ${DEPLOY_ENV} <jar-or-image>"
  DEPLOY_COMMAND=deploy DEPLOY_STEP=preflight
  trap 'alert_on_failure $?' EXIT
  preflight "$artefact"
  DEPLOY_STEP=lock
  lock_acquire "${STATE_DIR}/deploy.lock"
  [[ -n "$release" ]] || release="$(release_name "$artefact")"
  DEPLOY_RELEASE="$release"
  # A deploy supersedes a rollback that was interrupted: its target must not steer a later rollback.
  rm -f "${STATE_DIR}/rollback-to"
  active="$(active_colour)"
  DEPLOY_FROM="$active"
  if [[ -n "$active" && "$(state_get "${active}.release")" == "$release" ]] && is_ready "$active"; then
    DEPLOY_TO="$active"
    log_step deploy already-live "" "${release} already serves on ${active}; finishing the previous run"
    # A run killed between recording the switch and recording `previous` left no rollback target;
    # the other colour, when it ran a release, is the one this release replaced.
    [[ -z "$(state_get "$(other_colour "$active").release")" ]] || state_set previous "$(other_colour "$active")"
    finish_watch "$active" "$(other_colour "$active")"
    log_step deploy ok "" "${release} serves on ${active}"
    trap - EXIT
    return 0
  fi
  target="$(other_colour "${active:-green}")"
  DEPLOY_TO="$target"
  log_step deploy started "" "$(id -un 2>/dev/null || true) deploys ${release} to ${target}"
  if [[ "$skip_backup" == true ]]; then
    log_step backup skipped "" "--skip-backup given"
  else
    run_step backup backup_step || die "pre-deploy backup failed; nothing was changed" "fix the backup (ops/tracehub backup ${DEPLOY_ENV}) or, knowingly, pass --skip-backup"
  fi
  if runtime_running "$target" && [[ "$(state_get "${target}.release")" != "$release" ]]; then
    run_step stop-stale runtime_stop "$target"
  fi
  install_release "$target" "$artefact" "$release" ${app_args[@]+"${app_args[@]}"}
  run_step migrate runtime_migrate "$target" || give_up "$target" migrate
  if [[ -n "$active" ]] && runtime_running "$active"; then
    run_step old-on-new-schema smoke_test "$(colour_url "$active")" ||
      alert old-on-new-schema "${active} fails its smoke test on the new schema" "the migration broke expand/contract (docs/operations/migrations.md); the deploy goes on"
  fi
  run_step start start_colour "$target" || give_up "$target" start
  run_step readiness wait_ready "$target" || give_up "$target" readiness
  run_step smoke smoke_test "$(colour_url "$target")" || give_up "$target" smoke
  # Through the watch window the old colour stays in nginx as the backup server: should the new one
  # crash, nginx passes the requests it cannot connect for to the old one until the switch-back.
  if [[ -n "$active" ]] && runtime_running "$active"; then
    run_step switch switch_to "$target" "$active" || give_up "$target" switch
  else
    run_step switch switch_to "$target" || give_up "$target" switch
  fi
  [[ -z "$active" ]] || state_set previous "$active"
  run_step drain nginx_drain || say "continuing: the watch window gives the old workers more time"
  finish_watch "$target" "$active"
  log_step deploy ok "" "${release} serves on ${target}"
  trap - EXIT
}

# cmd_rollback ENV: back to the other colour's release, started (readiness-gated) if needed.
# The target is written down (`rollback-to`) before anything changes and removed when done, so a
# rollback re-run after a crash finishes that same rollback instead of toggling back again.
cmd_rollback() {
  local active target from started
  (($# == 0)) || die "rollback takes no arguments after the environment" "ops/tracehub rollback ${DEPLOY_ENV}"
  DEPLOY_COMMAND=rollback DEPLOY_STEP=lock
  trap 'alert_on_failure $?' EXIT
  mkdir -p "$STATE_DIR"
  lock_acquire "${STATE_DIR}/deploy.lock"
  DEPLOY_STEP=preflight
  started="$(now_ms)"
  active="$(active_colour)"
  [[ -n "$active" ]] || die "nothing is deployed in ${DEPLOY_ENV}" "deploy first"
  target="$(state_get rollback-to)"
  if [[ -n "$target" ]]; then
    from="$(other_colour "$target")"
  else
    target="$(state_get previous)" from="$active"
    [[ -n "$target" && "$target" != "$active" && -n "$(state_get "${target}.artefact")" ]] ||
      die "no previous release recorded for ${DEPLOY_ENV}" "deploy the release you want instead"
    state_set rollback-to "$target"
  fi
  # shellcheck disable=SC2034 # DEPLOY_* are read by log_step
  DEPLOY_FROM="$from" DEPLOY_TO="$target" DEPLOY_RELEASE="$(state_get "${target}.release")"
  log_step rollback started "" "back to ${DEPLOY_RELEASE} on ${target}"
  run_step start start_colour "$target" || rollback_abandon "could not start ${target}" "see ${STATE_DIR}/logs/${target}.log"
  run_step readiness wait_ready "$target" || { runtime_stop "$target"; rollback_abandon "${target} did not become ready; ${active} keeps serving" "see ${STATE_DIR}/logs/${target}.log"; }
  run_step smoke smoke_test "$(colour_url "$target")" || rollback_abandon "${target} failed its smoke test; ${active} keeps serving" "see ${STATE_DIR}/logs/${target}.log"
  run_step switch switch_to "$target" || rollback_abandon "switch failed; ${active} keeps serving" "check nginx -t and its error log"
  state_set previous "$from"
  run_step drain nginx_drain || true
  run_step stop-old runtime_stop "$from"
  rm -f "${STATE_DIR}/rollback-to"
  log_step rollback ok "$(($(now_ms) - started))" "${DEPLOY_RELEASE} serves on ${target}"
  trap - EXIT
  # Worth a notice even when it went well: someone judged the live release bad.
  alert rollback "rollback in ${DEPLOY_ENV}: ${DEPLOY_RELEASE} serves on ${target} again" \
    "by $(id -un 2>/dev/null || echo '?'); $(state_get "${from}.release") on ${from} stopped"
}

# rollback_abandon MESSAGE HINT: a rollback that failed before its switch changed nothing; forget
# its target so that a later rollback is computed afresh, then fail.
rollback_abandon() {
  rm -f "${STATE_DIR}/rollback-to"
  die "$1" "$2"
}

cmd_status() {
  local active colour state build
  active="$(active_colour)"
  printf 'environment: %s\nruntime:     %s\nactive:      %s (nginx -> port %s)\n' "$DEPLOY_ENV" \
    "$(runtime_kind)" "${active:-none}" "$(upstream_port)"
  for colour in blue green; do
    state=stopped build=""
    if runtime_running "$colour"; then
      if is_ready "$colour"; then state=ready; else state=not-ready; fi
      build="$(colour_build "$colour")"
    fi
    printf '%-6s port %s  %-9s %s%s\n' "$colour" "$(colour_port "$colour")" "$state" "$(state_get "${colour}.release")" \
      "${build:+  (build ${build})}"
  done
  # shellcheck disable=SC2153 # set by load_config
  printf 'last:        %s\n' "$(tail -n 1 "$DEPLOY_LOG" 2>/dev/null || echo 'no deploys yet')"
}
