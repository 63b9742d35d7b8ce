#!/usr/bin/env bats
# Cheap checks of the benchmark harness (bench/): the benchmarks themselves never run in the test suite.
# Lint, the command line, the nginx it builds (from the production includes) serving the static ceiling
# file, the server sampler, and the report renderer on a minimal run.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154 # $output/$status are set by bats' run

bats_require_minimum_version 1.5.0

setup() {
  REPO="$(cd "${BATS_TEST_DIRNAME}/../.." && pwd)"
  TMP="$(mktemp -d)"
}

teardown() {
  [[ ! -f "${TMP}/nginx/nginx.pid" ]] || nginx -c "${TMP}/nginx/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$TMP"
}

@test "the harness scripts are shellcheck clean" {
  run shellcheck -x "${REPO}/bench/run.sh" "${REPO}"/bench/lib/*.sh
  [ "$status" -eq 0 ]
}

@test "run.sh --help lists every scenario; an unknown command or option is refused" {
  run "${REPO}/bench/run.sh" --help
  [ "$status" -eq 0 ]
  for command in all login list search detail dashboard upload-1m upload-50m auditpack webhook health limits memory coldstart; do
    [[ "$output" == *"  ${command} "* ]]
  done
  run "${REPO}/bench/run.sh" fly
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown command fly"* ]]
  run "${REPO}/bench/run.sh" --warp list
  [ "$status" -eq 2 ]
}

@test "the benchmark projects stay out of the root build" {
  run grep -E '<module>[^<]*bench' "${REPO}/pom.xml"
  [ "$status" -eq 1 ]
}

@test "the nginx of the harness (production includes) serves the static ceiling file" {
  WORK="$TMP"
  # shellcheck source=../../bench/lib/env.sh
  source "${REPO}/bench/lib/env.sh"
  bench_nginx_start
  run curl -fsS "http://127.0.0.1:${NGINX_PORT}/bench-static/4k.txt"
  [ "$status" -eq 0 ]
  [ "${#output}" -eq 4096 ]
  run curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${NGINX_PORT}/actuator/prometheus"
  [ "$output" = 404 ]
}

@test "the sampler reports CPU and RSS of a process over its window (no heap for a non-Java process)" {
  node -e 'const end = Date.now() + 3000; while (Date.now() < end) {}' &
  local busy=$!
  run node "${REPO}/bench/lib/sampler.mjs" --pid "$busy" --interval-ms 200 --window-ms 1200
  kill "$busy" 2>/dev/null || true
  [ "$status" -eq 0 ]
  node -e 'const r = JSON.parse(process.argv[1]); if (!(r.appCpuCores > 0 && r.samples >= 3 && r.rssMb.max > 1 && r.heapUsedMb === null)) process.exit(1)' "$output"
}

@test "the pgbench scripts set the tenant scope the way the application does" {
  for script in "${REPO}"/bench/pgbench/*.sql; do
    grep -q "set_config('app.org_id', :org, true)" "$script"
    grep -q '^BEGIN' "$script"
    grep -q '^COMMIT;' "$script"
  done
}

@test "the report renders a minimal run" {
  cat >"${TMP}/report.json" <<'JSON'
{"machine":{"cpu":"x","cores":2,"ramGb":24,"kernel":"k","java":"j","postgres":"15","nginx":"n","loadAverage":[0,0,0]},
 "commit":"abc","date":"d","run":"r","scale":"mini","durationSeconds":10,"warmupSeconds":1,"users":20,
 "appJavaOpts":"-Xmx1g","coldStartMs":[5000],"dataset":"shipments=1","generatorSummary":null,
 "results":{"list":{"scenario":"list","users":20,"page":{"perSecond":100,"p50Ms":5,"p95Ms":9,"p99Ms":12,"maxMs":20,"errors":0,"count":1000},
   "requests":[],"requestsPerSecond":100,"setupErrors":0,"server":null},
  "pgbench-list":{"name":"list","tps":400,"p50Ms":1,"p95Ms":2,"p99Ms":3,"failed":0}}}
JSON
  run node "${REPO}/bench/lib/report.mjs" "${TMP}/report.json"
  [ "$status" -eq 0 ]
  [[ "$output" == *"| list | 20 | 100.0 |"* ]]
  [[ "$output" == *"| list | 400.0 |"*"| 25 % |"* ]]
}
