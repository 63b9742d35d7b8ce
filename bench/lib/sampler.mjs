// Samples the server beside a scenario until SIGTERM, then prints one JSON summary on stdout:
//   app CPU  = Δ(utime+stime of the java process) / Δwall, in cores (2.0 = both cores busy);
//   app RSS  = VmRSS from /proc/PID/status;
//   heap     = S0U+S1U+EU+OU from `jstat -gc PID 1000` (the JVM's perf-data counters read from outside:
//              no request to the app; the actuator's metrics need Basic auth, one BCrypt check per scrape);
//   pg CPU   = the same CPU figure summed over the postmaster and its children.
// Usage: node sampler.mjs --pid PID [--pg-pid POSTMASTER] [--interval-ms 1000] [--delay-ms D] [--window-ms W]
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []),
);
const pid = Number(args.pid);
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

const heapSamples = [];
function startJstat() {
  let header = null;
  let buffer = '';
  const jstat = spawn('jstat', ['-gc', String(pid), String(intervalMs)], { stdio: ['ignore', 'pipe', 'ignore'] });
  jstat.on('error', () => {});
  jstat.stdout.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      const cells = line.trim().split(/\s+/);
      if (cells[0] === 'S0C') header = cells;
      else if (header && cells.length === header.length) {
        const v = (k) => Number(cells[header.indexOf(k)]);
        heapSamples.push((v('S0U') + v('S1U') + v('EU') + v('OU')) / 1024);
      }
    }
  });
  return jstat;
}

const samples = [];
if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
const jstat = Number.isFinite(pid) ? startJstat() : null;
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
  jstat?.kill();
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
      heapUsedMb: stats(heapSamples),
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
