#!/usr/bin/env bash
# The whole test suite, as README.md gives it: shell lint, the Maven build with every backend, web and
# end-to-end test, then the ops tests and drills (deploy, backup, nginx, artefacts), which use the jar
# the build has just packaged. Needs the tools .ci/run installs (Chromium, nginx, PostgreSQL 15, ...).
set -Eeuo pipefail

step() { printf '\n==> %s\n' "$*"; }

# Every shell script of the repository, their bats tests included (-x follows what they source).
lint_scripts() {
  step "shellcheck"
  local -a scripts
  mapfile -t scripts < <(find ops -type f \( -name '*.sh' -o -name '*.bats' \) | sort)
  [[ ! -f ops/tracehub ]] || scripts+=(ops/tracehub)
  shellcheck -x "${scripts[@]}" .ci/run
}

build_and_test() {
  step "./mvnw -B verify"
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  ./mvnw -B verify
}

test_ops() {
  step "bats ops/test"
  bats ops/test
}

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  lint_scripts
  build_and_test
  test_ops
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
