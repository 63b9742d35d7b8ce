#!/usr/bin/env bash
# The measurements: handles from the dataset, one Gatling scenario with its server samplers, the limits
# (pgbench on the same SQL, static file, disk), the memory proof and the report. Sourced by bench/run.sh.
# Globals: WORK, RUN_DIR, BENCH_DIR, PG_PORT, NGINX_PORT, APP_PORT, APP_PID, USERS, DURATION, WARMUP …
# shellcheck disable=SC2016,SC2153 # the node -e scripts use JS template literals; globals come from run.sh

# bench_handles: what the scenarios need, read from the database itself (so the harness does not depend on
# the generator summary's field names): exporter 1, its users, BENCH-PACK-20, sample ids, search terms,
# the Vizion webhook sample, and a small table for pgbench to pick the same sample ids from.
bench_handles() {
  local h="${WORK}/handles"
  EXPORTER_ID="$(bench_psql -At -c "SELECT id FROM organization WHERE name = 'Bench Exporter 01'")"
  [[ -n "$EXPORTER_ID" ]] || die "the dataset has no organisation 'Bench Exporter 01'"
  BENCH_USER_ID="$(bench_psql -At -c "SELECT id FROM app_user WHERE email = 'bench-user-001@exporter-01.bench.example'")"
  PACK_ID="$(bench_psql -At -c "SELECT id FROM shipment WHERE reference = 'BENCH-PACK-20' AND organization_id = '${EXPORTER_ID}'")"
  [[ -n "$PACK_ID" ]] || die "the dataset has no shipment BENCH-PACK-20"
  [[ -s "${h}/shipment-ids.txt" ]] && [[ -s "${h}/counts.txt" ]] && return 0
  bench_psql -At -c "SELECT id FROM shipment WHERE organization_id = '${EXPORTER_ID}' AND reference <> 'BENCH-PACK-20'
                     ORDER BY md5(id::text) LIMIT 1000" >"${h}/shipment-ids.txt"
  # References, container numbers, and fragments of them (3+ characters, as the trigram search needs).
  bench_psql -At -c "(SELECT reference FROM shipment WHERE organization_id = '${EXPORTER_ID}' ORDER BY md5(id::text) LIMIT 40)
                     UNION ALL (SELECT container_number FROM shipment_container WHERE organization_id = '${EXPORTER_ID}'
                                ORDER BY md5(id::text) LIMIT 40)
                     UNION ALL (SELECT left(reference, 6) FROM shipment WHERE organization_id = '${EXPORTER_ID}'
                                ORDER BY md5(id::text) LIMIT 10)
                     UNION ALL (SELECT substr(container_number, 5, 5) FROM shipment_container
                                WHERE organization_id = '${EXPORTER_ID}' ORDER BY md5(id::text) LIMIT 10)" >"${h}/search-terms.txt"
  bench_psql -At -F, -c "SELECT container_number, provider_reference FROM tracking_subscription
                         WHERE organization_id = '${EXPORTER_ID}' AND provider = 'vizion' AND provider_reference IS NOT NULL
                         ORDER BY md5(id::text) LIMIT 1000" >"${h}/webhook-sample.txt"
  [[ -s "${h}/webhook-sample.txt" ]] || log "warning: no Vizion-tracked containers: the webhook scenario will fail"
  bench_psql <<SQL
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.sample, bench.term;
CREATE TABLE bench.sample (i int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench.sample (i, id)
  SELECT row_number() OVER () - 1, id::uuid FROM (VALUES $(sed "s/.*/('&')/" "${h}/shipment-ids.txt" | paste -sd,)) v(id);
CREATE TABLE bench.term (i int PRIMARY KEY, q text NOT NULL);
INSERT INTO bench.term (i, q)
  SELECT row_number() OVER () - 1, q FROM (VALUES $(sed "s/'//g; s/.*/('&')/" "${h}/search-terms.txt" | paste -sd,)) v(q);
GRANT USAGE ON SCHEMA bench TO tracehub_app;
GRANT SELECT ON ALL TABLES IN SCHEMA bench TO tracehub_app;
SQL
  bench_psql -At -F' ' <<'SQL' >"${h}/counts.txt"
SELECT 'organizations=' || (SELECT count(*) FROM organization), 'users=' || (SELECT count(*) FROM app_user),
       'shipments=' || (SELECT count(*) FROM shipment), 'containers=' || (SELECT count(*) FROM shipment_container),
       'tracking_events=' || (SELECT count(*) FROM tracking_event), 'documents=' || (SELECT count(*) FROM document),
       'eudr_origins=' || (SELECT count(*) FROM eudr_origin),
       'database=' || pg_size_pretty(pg_database_size('tracehub')),
       'database_bytes=' || pg_database_size('tracehub');
SQL
  printf 'documents_dir=%s\n' "$(du -sh "${WORK}/data/documents" | cut -f1)" >>"${h}/counts.txt"
}

gatling_build() {
  log "compiling the Gatling project (offline)…"
  (cd "${BENCH_DIR}/gatling" && "${REPO}/mvnw" -B -q -o test-compile) ||
    (cd "${BENCH_DIR}/gatling" && "${REPO}/mvnw" -B -q test-compile)
}

pg_postmaster_pid() { head -n 1 "${WORK}/pg/data/postmaster.pid"; }

# pdf_file PATH BYTES: a PDF header, random body, EOF marker (the app sniffs the content type).
pdf_file() {
  [[ -f "$1" ]] && return 0
  { printf '%%PDF-1.4\n%% tracehub bench\n'; head -c $(($2 - 32)) /dev/urandom; printf '\n%%%%EOF\n'; } | head -c "$2" >"$1"
}

# run_scenario NAME: one Gatling run, the samplers over the measured window, RUN_DIR/NAME.json.
run_scenario() {
  local name="$1" sim="$1" users="$USERS" label="" file="" out report
  local -a extra=()
  case "$name" in
    upload-1m) sim=upload users=4 label=1MiB file="${WORK}/data/upload-1m.pdf"; pdf_file "$file" 1048576 ;;
    # 50 MB, not MiB: nginx's 50m limit counts the whole multipart body.
    upload-50m) sim=upload users=2 label=50MB file="${WORK}/data/upload-50m.pdf"; pdf_file "$file" 50000000 ;;
    # Logistics users may not download audit packs: exporter 1's compliance officer does (both sessions).
    auditpack) users=2 extra+=(-Dbench.userPattern=compliance@exporter-01.bench.example -Dbench.userCount=1) ;;
  esac
  [[ -z "$file" ]] || extra+=("-Dbench.uploadFile=${file}" "-Dbench.uploadLabel=${label}")
  out="${RUN_DIR}/${name}"
  mkdir -p "$out"
  log "scenario ${name}: ${users} users, ${WARMUP}s warm-up, ${DURATION}s measured"
  local load_before
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  (
    cd "${BENCH_DIR}/gatling" || exit 1
    "${REPO}/mvnw" -B -q -o gatling:test -Dgatling.resultsFolder="${out}/gatling" \
      -Dbench.scenario="$sim" -Dbench.baseUrl="http://127.0.0.1:${NGINX_PORT}" -Dbench.users="$users" \
      -Dbench.duration="$DURATION" -Dbench.warmup="$WARMUP" -Dbench.password="$BENCH_PASSWORD" \
      -Dbench.handlesDir="${WORK}/handles" -Dbench.packShipmentId="$PACK_ID" \
      -Dbench.webhookOrg="$EXPORTER_ID" -Dbench.webhookSecret="$WEBHOOK_SECRET" ${extra[@]+"${extra[@]}"} 2>&1
  ) | while IFS= read -r line || { wait; false; }; do
    # (the `wait` above is the pipeline subshell's: it waits for the sampler only, never for the app)
    printf '%s\n' "$line" >>"${out}/gatling.log"
    if [[ "$line" == *"Simulation tracehub.bench.BenchSimulation started"* ]]; then
      # Sample the measured window only: after log-in (≈2 s) and warm-up, stop 2 s before the end.
      node "${BENCH_DIR}/lib/sampler.mjs" --pid "$APP_PID" --pg-pid "$(pg_postmaster_pid)" \
        --delay-ms $(((WARMUP + 2) * 1000)) --window-ms $(((DURATION - 2) * 1000)) >"${out}/server.json" &
    fi
  done
  report="$(find "${out}/gatling" -mindepth 1 -maxdepth 1 -type d | sort | tail -n 1)"
  [[ -n "$report" ]] || { tail -n 30 "${out}/gatling.log" >&2; die "scenario ${name}: no Gatling report"; }
  node -e '
    const [gatling, server, name, users, load] = process.argv.slice(1);
    const g = JSON.parse(gatling); let s = null; try { s = JSON.parse(server); } catch {}
    console.log(JSON.stringify({ scenario: name, users: +users, loadAverageBefore: +load, ...g, server: s }));' \
    "$(node "${BENCH_DIR}/lib/summary.mjs" "$report" "$DURATION")" "$(cat "${out}/server.json" 2>/dev/null)" \
    "$name" "$users" "$load_before" >"${RUN_DIR}/${name}.json"
  log "  $(node -e 'const r=JSON.parse(process.argv[1]);const p=r.page;console.log(`${p.perSecond}/s p50 ${p.p50Ms} p95 ${p.p95Ms} p99 ${p.p99Ms} ms, errors ${p.errors}/${p.count}, app cpu ${r.server?.appCpuCores}`)' "$(cat "${RUN_DIR}/${name}.json")")"
}

# pgbench_run NAME SCRIPT: the endpoint's SQL as the app role, same tenant scope, 20 clients, 2 threads.
pgbench_run() {
  local name="$1" script="$2" out="${RUN_DIR}/pgbench/${1}" n nterms
  mkdir -p "$out"
  n="$(wc -l <"${WORK}/handles/shipment-ids.txt")" nterms="$(wc -l <"${WORK}/handles/search-terms.txt")"
  log "pgbench ${name}: ${USERS} clients, 2 threads, ${DURATION}s"
  (cd "$out" && PGPASSWORD="$APP_PASSWORD" pgbench -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U tracehub_app \
    -c "$USERS" -j 2 -T "$DURATION" -l --log-prefix=tx -D org="$EXPORTER_ID" -D user="$BENCH_USER_ID" -D n="$n" \
    -D nterms="$nterms" -D email=bench-user-001@exporter-01.bench.example -f "$script" tracehub >"${out}/pgbench.out" 2>&1) ||
    { tail -n 20 "${out}/pgbench.out" >&2; die "pgbench ${name} failed"; }
  node -e '
    const fs = require("fs"), path = require("path");
    const [dir, name] = process.argv.slice(1);
    const text = fs.readFileSync(path.join(dir, "pgbench.out"), "utf8");
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(text)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(text)?.[1] ?? 0);
    const lat = [];
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("tx.")))
      for (const line of fs.readFileSync(path.join(dir, f), "utf8").split("\n")) { const c = line.split(" "); if (c.length > 2) lat.push(+c[2] / 1000); }
    lat.sort((a, b) => a - b);
    const q = (p) => (lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] * 100) / 100 : null);
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("tx."))) fs.unlinkSync(path.join(dir, f));
    console.log(JSON.stringify({ name, tps: Math.round(tps * 10) / 10, transactions: lat.length, failed, p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99) }));' \
    "$out" "$name" >"${RUN_DIR}/pgbench-${name}.json"
  log "  $(cat "${RUN_DIR}/pgbench-${name}.json")"
}

run_limits() {
  local script name out
  for script in "${BENCH_DIR}"/pgbench/*.sql; do
    name="$(basename "$script" .sql)"
    pgbench_run "$name" "$script"
  done
  # The HTTP ceiling: a 4 KiB file nginx serves itself, with wrk (nginx's ceiling) and with Gatling (the
  # ceiling of this load generator on this machine, which shares the two cores with the server).
  out="${RUN_DIR}/static"
  mkdir -p "$out"
  if command -v wrk >/dev/null 2>&1; then
    log "static file with wrk: ${USERS} connections, 2 threads, ${DURATION}s"
    wrk -t2 -c"$USERS" -d"${DURATION}s" --latency "http://127.0.0.1:${NGINX_PORT}/bench-static/4k.txt" >"${out}/wrk.out"
    node -e '
      const t = require("fs").readFileSync(process.argv[1], "utf8");
      const ms = (v, u) => (u === "us" ? v / 1000 : u === "s" ? v * 1000 : v);
      const pct = (p) => { const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(t); return m ? Math.round(ms(+m[1], m[2]) * 100) / 100 : null; };
      console.log(JSON.stringify({ tool: "wrk", perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(t)[1]), p50Ms: pct(50), p99Ms: pct(99),
        errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(t)?.[1] ?? 0) }));' "${out}/wrk.out" >"${RUN_DIR}/static-wrk.json"
    log "  $(cat "${RUN_DIR}/static-wrk.json")"
  else
    log "wrk not installed (apt-get install -y wrk): static file through Gatling only"
  fi
  run_scenario static
  # Disk write speed of the documents' file system: 512 MiB sequential, flushed (fdatasync) before dd ends.
  log "disk write speed of ${WORK}/data/documents"
  dd if=/dev/urandom of="${WORK}/data/random.bin" bs=1M count=512 status=none
  dd if="${WORK}/data/random.bin" of="${WORK}/data/documents/.bench-dd" bs=1M conv=fdatasync 2>"${RUN_DIR}/dd.out"
  rm -f "${WORK}/data/documents/.bench-dd" "${WORK}/data/random.bin"
  node -e '
    const t = require("fs").readFileSync(process.argv[1], "utf8");
    const m = /(\d+) bytes .* copied, ([\d.]+) s/.exec(t);
    console.log(JSON.stringify({ bytes: +m[1], seconds: +m[2], mbPerSecond: Math.round(m[1] / m[2] / 1e6) }));' "${RUN_DIR}/dd.out" >"${RUN_DIR}/disk.json"
  log "  $(cat "${RUN_DIR}/disk.json")"
}

# heap_probe NAME CMD...: GC, baseline, jstat every 10 ms during CMD, GC again; RUN_DIR/memory-NAME.json.
# Heap used = S0U+S1U+EU+OU. Peak minus baseline counts garbage not yet collected too (an upper bound);
# the figure after the final GC is what the request left behind.
heap_probe() {
  local name="$1" log="${RUN_DIR}/memory/${1}.jstat" before after rc
  shift
  mkdir -p "${RUN_DIR}/memory"
  jcmd "$APP_PID" GC.run >/dev/null
  sleep 1
  before="$(jstat -gc "$APP_PID" | tail -n 1)"
  jstat -gc "$APP_PID" 10 >"$log" &
  local jstat_pid=$!
  sleep 1
  rc=0
  "$@" || rc=$?
  sleep 0.5
  kill "$jstat_pid" 2>/dev/null || true
  wait "$jstat_pid" 2>/dev/null || true
  jcmd "$APP_PID" GC.run >/dev/null
  sleep 1
  after="$(jstat -gc "$APP_PID" | tail -n 1)"
  node -e '
    const fs = require("fs");
    const [file, before, after, name, rc, xmx] = process.argv.slice(1);
    const lines = fs.readFileSync(file, "utf8").trim().split("\n");
    const head = lines[0].trim().split(/\s+/);
    const used = (row) => { const c = row.trim().split(/\s+/).map(Number); const g = (k) => c[head.indexOf(k)]; return (g("S0U") + g("S1U") + g("EU") + g("OU")) / 1024; };
    const old = (row) => { const c = row.trim().split(/\s+/).map(Number); return c[head.indexOf("OU")] / 1024; };
    const rows = lines.slice(1).filter((l) => /\d/.test(l) && !/S0C/.test(l));
    const base = used(before), peak = Math.max(...rows.map(used)), oldPeak = Math.max(...rows.map(old));
    const r = (x) => Math.round(x * 10) / 10;
    console.log(JSON.stringify({ name, xmx, ok: rc === "0", samples: rows.length, baselineMb: r(base), peakMb: r(peak),
      peakMinusBaselineMb: r(peak - base), oldGenPeakMinusBaselineMb: r(oldPeak - old(before)), afterGcMinusBaselineMb: r(used(after) - base) }));' \
    "$log" "$before" "$after" "$name" "$rc" "$(heap_max)" >"${RUN_DIR}/memory-${name}.json"
  log "  $(cat "${RUN_DIR}/memory-${name}.json")"
}

heap_max() { tr '\0' '\n' <"/proc/${APP_PID}/cmdline" | grep -- '^-Xmx' | tail -n 1; }

# bench_token EMAIL: an access token.
bench_token() {
  curl -fsS "http://127.0.0.1:${NGINX_PORT}/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"${1}\",\"password\":\"${BENCH_PASSWORD}\"}" |
    node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken'
}

upload_once() {
  local code
  code="$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:${NGINX_PORT}/api/shipments/$(head -n 1 "${WORK}/handles/shipment-ids.txt")/documents" \
    -H "Authorization: Bearer $1" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -F type=bill_of_lading -F "file=@${WORK}/data/upload-50m.pdf;type=application/pdf;filename=memory.pdf")"
  [[ "$code" == 201 ]] || { log "upload answered ${code}"; return 1; }
}

pack_once() {
  local size
  size="$(curl -fsS -o /dev/null -w '%{size_download}' "http://127.0.0.1:${NGINX_PORT}/api/shipments/${PACK_ID}/audit-pack" \
    -H "Authorization: Bearer $1")" || return 1
  ((size > 50 * 1024 * 1024)) || { log "audit pack only ${size} bytes"; return 1; }
}

# run_memory: the probes with the normal heap, then again with a heap smaller than what is transferred
# (-Xmx${BENCH_SMALL_HEAP:-64m}, about 30 MB of it live after start): a 50 MB upload and an 80 MiB pack can
# only succeed there if streamed.
run_memory() {
  local token officer
  pdf_file "${WORK}/data/upload-50m.pdf" 50000000
  token="$(bench_token bench-user-002@exporter-01.bench.example)"
  officer="$(bench_token compliance@exporter-01.bench.example)"
  log "memory: 50 MB upload and BENCH-PACK-20 audit pack, heap sampled every 10 ms (jstat)"
  heap_probe upload-50m upload_once "$token"
  heap_probe auditpack pack_once "$officer"
  bench_app_stop
  if BENCH_START_SOFT=1 bench_app_start "-Xmx${BENCH_SMALL_HEAP:-64m}" "-Xms${BENCH_SMALL_HEAP:-64m}"; then
    token="$(bench_token bench-user-002@exporter-01.bench.example)"
    officer="$(bench_token compliance@exporter-01.bench.example)"
    log "memory: the same with -Xmx${BENCH_SMALL_HEAP:-64m}"
    heap_probe upload-50m-small-heap upload_once "$token"
    heap_probe auditpack-small-heap pack_once "$officer"
  else
    printf '{"name":"small heap","xmx":"-Xmx%s","ok":false,"note":"the app did not start with this heap"}\n' \
      "${BENCH_SMALL_HEAP:-64m}" >"${RUN_DIR}/memory-small-heap.json"
  fi
  bench_app_stop
  bench_app_start
}

write_report() {
  local commit date md
  commit="$(git -C "$REPO" rev-parse --short HEAD)"
  date="$(date -u +%Y-%m-%d)"
  mkdir -p "$RESULTS"
  {
    printf '{"machine":'
    node -e '
      const os = require("os"), cp = require("child_process");
      const sh = (c) => { try { return cp.execSync(c, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim(); } catch (e) { return (e.stderr || "").toString().trim(); } };
      console.log(JSON.stringify({ cpu: os.cpus()[0].model, cores: os.cpus().length, ramGb: Math.round(os.totalmem() / 2 ** 30),
        kernel: sh("uname -r"), java: sh("java -version 2>&1 | head -n 1"), postgres: sh(process.argv[1]),
        nginx: sh("nginx -v 2>&1"), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) }));' \
      "psql -X -At -h 127.0.0.1 -p ${PG_PORT} -U postgres -d tracehub -c 'SHOW server_version'"
    printf ',"commit":"%s","date":"%s","run":"%s","scale":"%s","durationSeconds":%s,"warmupSeconds":%s,"users":%s' \
      "$commit" "$(date -u +%FT%TZ)" "$RUN_ID" "$(cat "${WORK}/state.generated")" "$DURATION" "$WARMUP" "$USERS"
    printf ',"appJavaOpts":"%s","coldStartMs":[%s]' "$BENCH_JAVA_OPTS" "$(IFS=,; printf '%s' "${COLD_STARTS[*]}")"
    # The generator's summary without its long lists (sample ids, webhook sample): their lengths instead.
    printf ',"dataset":"%s","generatorSummary":%s' "$(tr '\n' ' ' <"${WORK}/handles/counts.txt")" \
      "$(node -e '
        const fs = require("fs");
        let o; try { o = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { console.log("null"); process.exit(0); }
        const trim = (v) => Array.isArray(v) ? (v.length > 20 ? `${v.length} items` : v)
          : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trim(x)])) : v;
        console.log(JSON.stringify(trim(o)));' "${WORK}/data/dataset.json")"
    printf ',"results":{'
    local first=1 f
    for f in "${RUN_DIR}"/*.json; do
      [[ -f "$f" && "$f" != */report.json ]] || continue
      ((first)) || printf ','
      first=0
      printf '"%s":%s' "$(basename "$f" .json)" "$(cat "$f")"
    done
    printf '}}\n'
  } >"${RUN_DIR}/report.json.tmp"
  mv "${RUN_DIR}/report.json.tmp" "${RUN_DIR}/report.json"
  md="${RESULTS}/${date}-${commit}-${COMMAND}.md"
  cp "${RUN_DIR}/report.json" "${md%.md}.json"
  BENCH_COMMAND="$COMMAND" node "${BENCH_DIR}/lib/report.mjs" "${RUN_DIR}/report.json" >"$md"
  log "report: ${md} (raw: ${md%.md}.json, Gatling HTML under ${RUN_DIR})"
}
