// Turns a run's report.json into the markdown results page (bench/results/<date>-<commit>-<command>.md).
// Usage: node report.mjs REPORT_JSON
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const res = r.results;
const out = [];
const p = (line = '') => out.push(line);
const n = (v, digits = 0) => (v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v).toFixed(digits));

// The app scenario whose SQL each pgbench script replays (one pgbench transaction = one page's SQL).
const sqlOf = { list: 'list', search: 'search', detail: 'detail', dashboard: 'dashboard', login: 'login' };
const targets = { list: 20, search: 20, detail: 15, dashboard: 50, auditpack: 2000 };

p(`# TraceHub benchmark run ${r.run} (commit ${r.commit})`);
p();
p(`- Date: ${r.date}; command \`bench/run.sh ${process.env.BENCH_COMMAND ?? ''}\`; dataset ${r.scale}`);
p(`- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.ramGb} GB RAM, kernel ${r.machine.kernel}; ${r.machine.java}; PostgreSQL ${r.machine.postgres}; ${r.machine.nginx}`);
p(`- Load average at the end: ${r.machine.loadAverage.join(' / ')} (1/5/15 min) — anything well above 0 means other work shared the 2 cores and the figures are noisy.`);
p(`- Dataset: ${r.dataset}`);
p(`- App JVM: \`${r.appJavaOpts}\`; ${r.users} concurrent users (closed model) for the read scenarios; ${r.warmupSeconds} s warm-up + ${r.durationSeconds} s measured per scenario.`);
p(`- Cold start (process start → readiness 200): ${r.coldStartMs.map((ms) => `${n(ms / 1000, 1)} s`).join(', ')} (target ≤ 10 s)`);
p();
p('## Scenarios (through nginx; a page = every call the web client makes for it)');
p();
p('| scenario | users | pages/s | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | app CPU (cores) | PG CPU (cores) | RSS MB max | heap MB avg/max | target p95 |');
p('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, s] of Object.entries(res)) {
  if (!s || !s.page) continue;
  const sv = s.server ?? {};
  p(`| ${name} | ${s.users} | ${n(s.page.perSecond, 1)} | ${n(s.requestsPerSecond, 1)} | ${n(s.page.p50Ms)} | ${n(s.page.p95Ms)} | ${n(s.page.p99Ms)} | ${n(s.page.maxMs)} | ${s.page.errors}/${s.page.count}${s.setupErrors ? ` (+${s.setupErrors} login)` : ''} | ${n(sv.appCpuCores, 2)} | ${n(sv.pgCpuCores, 2)} | ${n(sv.rssMb?.max)} | ${n(sv.heapUsedMb?.avg)}/${n(sv.heapUsedMb?.max)} | ${targets[name] ? `≤ ${targets[name]}` : ''} |`);
}
const perRequest = Object.entries(res).filter(([, s]) => s?.requests?.length > 1);
if (perRequest.length) {
  p();
  p('Per call inside the multi-call pages:');
  p();
  p('| scenario | call | count | p50 ms | p95 ms | p99 ms |');
  p('|---|---|---|---|---|---|');
  for (const [name, s] of perRequest) for (const q of s.requests) p(`| ${name} | ${q.name} | ${q.count} | ${n(q.p50Ms)} | ${n(q.p95Ms)} | ${n(q.p99Ms)} |`);
}

const pg = Object.entries(res).filter(([k]) => k.startsWith('pgbench-'));
if (pg.length) {
  p();
  p('## The limits: the same SQL with pgbench (app role, tenant scope per transaction, 20 clients, 2 threads, prepared)');
  p();
  p('| SQL of | pgbench tps | p50 ms | p95 ms | p99 ms | failed | app pages/s | app/SQL |');
  p('|---|---|---|---|---|---|---|---|');
  for (const [key, b] of pg) {
    const name = key.slice('pgbench-'.length);
    const app = Object.entries(sqlOf).find(([, v]) => v === name)?.[0];
    const pages = app && res[app]?.page?.perSecond;
    p(`| ${name} | ${n(b.tps, 1)} | ${n(b.p50Ms, 2)} | ${n(b.p95Ms, 2)} | ${n(b.p99Ms, 2)} | ${b.failed} | ${pages ? n(pages, 1) : '—'} | ${pages ? `${n((pages / b.tps) * 100)} %` : '—'} |`);
  }
}
if (res['static-wrk'] || res.static || res.disk) {
  p();
  p('## HTTP ceiling and disk');
  p();
  if (res['static-wrk']) p(`- Static 4 KiB file through the same nginx, wrk (2 threads, ${r.users} connections): ${n(res['static-wrk'].perSecond)} req/s, p50 ${n(res['static-wrk'].p50Ms, 2)} ms, p99 ${n(res['static-wrk'].p99Ms, 2)} ms.`);
  if (res.static) p(`- The same file with Gatling (the load generator used for the scenarios, on the same 2 cores): ${n(res.static.page.perSecond)} req/s, p95 ${n(res.static.page.p95Ms)} ms.`);
  if (res.health) p(`- GET /health through nginx and Spring (the app's own ceiling): ${n(res.health.page.perSecond)} req/s, p95 ${n(res.health.page.p95Ms)} ms.`);
  if (res.disk) p(`- Disk write speed of the documents directory (512 MiB, dd conv=fdatasync): ${res.disk.mbPerSecond} MB/s.`);
}
const mem = Object.entries(res).filter(([k]) => k.startsWith('memory-'));
if (mem.length) {
  p();
  p('## Memory: heap during one request (jstat every 10 ms; baseline after a full GC)');
  p();
  p('| request | heap limit | ok | baseline MB | peak − baseline MB | old gen peak − baseline MB | after GC − baseline MB |');
  p('|---|---|---|---|---|---|---|');
  for (const [, m] of mem) p(`| ${m.name} | ${m.xmx || 'default'} | ${m.ok ? 'yes' : 'NO'} | ${n(m.baselineMb, 1)} | ${n(m.peakMinusBaselineMb, 1)} | ${n(m.oldGenPeakMinusBaselineMb, 1)} | ${n(m.afterGcMinusBaselineMb, 1)} |`);
  p();
  p('"peak − baseline" includes garbage not yet collected (young generation churn of the I/O buffers), so it is an upper bound that depends on the young generation size; large byte arrays (a buffered file) would land in the old generation. The small-heap rows are the proof: a 50 MB upload and an 80 MiB pack (16 current documents × 5 MiB) cannot pass through a heap that small unless streamed.');
}
p();
p('Raw figures: the .json beside this file; Gatling HTML reports under the work directory\'s runs/ folder.');
console.log(out.join('\n'));
