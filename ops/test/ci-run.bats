#!/usr/bin/env bats
# Tests the helpers of .ci/run; nothing here installs packages or runs the build.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $stderr is set by bats' run --separate-stderr

bats_require_minimum_version 1.5.0

setup() {
  # shellcheck source=../../.ci/run
  source "${BATS_TEST_DIRNAME}/../../.ci/run"
  BIN="${BATS_TEST_TMPDIR}/bin"
  mkdir -p "$BIN"
}

# Puts a fake command named $1 first on PATH; it prints $2 followed by its arguments.
fake() {
  printf '#!/bin/sh\necho "%s $*"\n' "$2" >"$BIN/$1"
  chmod +x "$BIN/$1"
}

# Runs "$@" with PATH set to $1 only.
with_path() {
  local PATH="$1"
  shift
  "$@"
}

# A fake `id` answering user id $1.
fake_uid() {
  printf '#!/bin/sh\necho %s\n' "$1" >"$BIN/id"
  chmod +x "$BIN/id"
}

@test "lists nothing when every tool is present" {
  local tool
  for tool in chromium shellcheck bats nginx pg_ctlcluster pg_dump yamllint docker-compose curl openssl unzip promtool; do
    fake "$tool" "$tool"
  done
  run with_path "$BIN" missing_packages "${APT_TOOLS[@]}"
  [ "$status" -eq 0 ]
  [ -z "$output" ]
}

@test "lists the packages of the missing tools" {
  fake shellcheck shellcheck
  run with_path "$BIN" missing_packages "${APT_TOOLS[@]}"
  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'chromium\nbats\nnginx\npostgresql\npostgresql-client\nyamllint\ndocker-compose\ncurl\nopenssl\nunzip\nprometheus')" ]
}

@test "maps a command to a differently named package" {
  run with_path "$BIN" missing_packages rg:ripgrep
  [ "$output" = ripgrep ]
}

@test "does not call apt when nothing is missing" {
  local tool
  for tool in chromium shellcheck bats nginx pg_ctlcluster pg_dump yamllint docker-compose curl openssl unzip promtool; do
    fake "$tool" "$tool"
  done
  fake apt-get 'APT-CALLED'
  fake_uid 0
  run with_path "$BIN" install_missing
  [ "$status" -eq 0 ]
  [[ "$output" != *APT-CALLED* ]]
}

@test "updates and installs only the missing packages" {
  fake chromium chromium
  fake apt-get 'apt-get'
  fake env 'env'
  fake_uid 0
  run with_path "$BIN" install_missing
  [ "$status" -eq 0 ]
  [[ "$output" == *"apt-get update -qq"* ]]
  [[ "$output" == *"apt-get install -y -qq shellcheck bats nginx postgresql postgresql-client yamllint docker-compose curl openssl unzip prometheus"* ]]
}

@test "uses sudo when not root" {
  fake_uid 1000
  fake sudo 'sudo'
  run with_path "$BIN" as_root apt-get update
  [ "$output" = "sudo apt-get update" ]
}

@test "runs directly as root" {
  fake_uid 0
  fake apt-get 'apt-get'
  run with_path "$BIN" as_root apt-get update
  [ "$output" = "apt-get update" ]
}

@test "explains how to get root when sudo is missing" {
  fake_uid 1000
  run --separate-stderr with_path "$BIN" as_root apt-get update
  [ "$status" -ne 0 ]
  [[ "$stderr" == *"fix: run as root or install sudo"* ]]
}

@test "prints the first line of a multi-line text" {
  [ "$(first_line "$(printf 'one\ntwo\nthree')")" = one ]
}
