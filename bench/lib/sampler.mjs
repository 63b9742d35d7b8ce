// Samples the server beside a scenario until SIGTERM, then prints one JSON summary on stdout:
//   app CPU  = Δ(utime+stime of the java process) / Δwall, in cores (2.0 = both cores busy);
//   app RSS  = VmRSS from /proc/PID/status;
//   heap     = jvm.memory.used{area=heap} from the actuator metrics endpoint on the app's own port
//              (not through nginx, which hides /actuator/ as production does);
//   pg CPU   = the same CPU figure summed over the postmaster and its children.
// Usage: node sampler.mjs --pid PID --port APP_PORT [--pg-pid POSTMASTER] [--interval-ms 1000]
import { readFileSync, readdirSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []),
);
const pid = Number(args.pid);
const port = Number(args.port);
const pgPid = args['pg-pid'] ? Number(args['pg-pid']) : null;
const intervalMs = Number(args['interval-ms'] ?? 1000);
// --delay-ms: wait before the first sample (the scenario's log-in and warm-up); --window-ms: stop by itself.
const delayMs = Number(args['delay-ms'] ?? 0);
const windowMs = args['window-ms'] ? Number(args['window-ms']) : null;
const TICKS = 100; // USER_HZ on Linux

function cpuTicks(p) {
  try {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

function pgTicks() {
  if (!pgPid) return 0;
  let total = cpuTicks(pgPid)?.ticks ?? 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const t = cpuTicks(Number(entry));
    if (t && t.ppid === pgPid) total += t.ticks;
  }
  return total;
}

function rssMb() {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function heapMb() {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/actuator/metrics/jvm.memory.used?tag=area:heap`, { signal: AbortSignal.timeout(500) });
    if (!r.ok) return null;
    const body = await r.json();
    return body.measurements.find((m) => m.statistic === 'VALUE').value / 1024 / 1024;
  } catch {
    return null;
  }
}

const samples = [];
if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
const start = { t: performance.now(), app: cpuTicks(pid)?.ticks ?? 0, pg: pgTicks() };
let last = { ...start };
let stopping = false;

async function sample() {
  const now = { t: performance.now(), app: cpuTicks(pid)?.ticks ?? last.app, pg: pgTicks() };
  const wall = (now.t - last.t) / 1000;
  samples.push({
    appCpu: (now.app - last.app) / TICKS / wall,
    pgCpu: (now.pg - last.pg) / TICKS / wall,
    rssMb: rssMb(),
    heapMb: await heapMb(),
  });
  last = now;
}

const stats = (values) => {
  const v = values.filter((x) => x !== null && Number.isFinite(x));
  if (v.length === 0) return null;
  return { avg: round(v.reduce((a, b) => a + b, 0) / v.length), max: round(Math.max(...v)), min: round(Math.min(...v)) };
};
const round = (x) => Math.round(x * 100) / 100;

function finish() {
  if (stopping) return;
  stopping = true;
  const end = { t: performance.now(), app: cpuTicks(pid)?.ticks ?? last.app, pg: pgTicks() };
  const wall = (end.t - start.t) / 1000;
  process.stdout.write(
    JSON.stringify({
      seconds: round(wall),
      samples: samples.length,
      appCpuCores: round((end.app - start.app) / TICKS / wall),
      pgCpuCores: round((end.pg - start.pg) / TICKS / wall),
      appCpuPerSample: stats(samples.map((s) => s.appCpu)),
      rssMb: stats(samples.map((s) => s.rssMb)),
      heapUsedMb: stats(samples.map((s) => s.heapMb)),
    }) + '\n',
  );
  process.exit(0);
}

process.on('SIGTERM', finish);
process.on('SIGINT', finish);
const timer = setInterval(() => {
  sample().catch(() => {});
}, intervalMs);
timer.unref?.();
if (windowMs !== null) setTimeout(finish, windowMs);
setInterval(() => {}, 1 << 30);
