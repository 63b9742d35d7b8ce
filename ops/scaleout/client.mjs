#!/usr/bin/env node
// The scale-out test's small client and log analysis, with no dependencies (Node 20).
//
//   client.mjs seed URL TOKEN N          creates N draft shipments (carrier MSCU, two containers each)
//                                         through URL; prints the container numbers, one a line
//   client.mjs pdf FILE                   writes a small valid one-page PDF
//   client.mjs reader URL TOKEN IDS_FILE  authenticated reads (shipment list and details) through URL
//                                         until SIGTERM, about 10 a second; then one JSON summary line
//   client.mjs polls LOG INTERVAL_MS      reads the provider stub's log: per instance (API key) counts and
//                                         every pair of polls of one container closer than the interval
//   client.mjs runs PERIOD_S LOG...       reads the instances' logs (one file per instance): every run of a
//                                         ShedLock cron job; runs of one job less than a period apart
//   client.mjs access LOG                 reads nginx's access log: answers per instance, 5xx
// Analyses print one JSON object.
import fs from 'node:fs';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { pdf } from '../lib/pdf.mjs';

// ISO 6346 check digit: letters map to 10..38 skipping multiples of 11, weights 2^i, sum mod 11 mod 10.
function containerNumber(owner, serial) {
  const values = {};
  let v = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v += 1;
    values[letter] = v;
    v += 1;
  }
  const base = `${owner}${String(serial).padStart(6, '0')}`;
  const sum = [...base].reduce((acc, ch, i) => acc + (values[ch] ?? Number(ch)) * 2 ** i, 0);
  return `${base}${(sum % 11) % 10}`;
}

async function seed(url, token, count) {
  const stamp = Date.now() % 1000000;
  for (let i = 0; i < count; i += 1) {
    const containers = [containerNumber('MSCU', (stamp + i * 2) % 1000000), containerNumber('MSCU', (stamp + i * 2 + 1) % 1000000)];
    const res = await fetch(`${url}/api/shipments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({
        reference: `SCALE-${stamp}-${i}`,
        productType: 'other',
        portOfLoading: 'NGAPP',
        portOfDischarge: 'NLRTM',
        carrierScac: 'MSCU',
        etd: new Date(Date.now() + 10 * 86400000).toISOString(),
        containers: containers.map((number) => ({ number })),
      }),
    });
    if (res.status !== 201) throw new Error(`POST /api/shipments answered ${res.status}: ${await res.text()}`);
    const shipment = await res.json();
    console.log(shipment.id);
    for (const number of containers) console.error(number);
  }
}

// A one-page bill of lading, as bytes on disk.
function writePdf(file) {
  fs.writeFileSync(file, pdf(['BILL OF LADING', `No. SCALE-${randomUUID()}`]));
}

// Tenant-scoped reads through nginx while the test kills an instance: every request needs the database
// and row-level security, unlike the drills' /health load. GETs only, so nginx may pass any of them on.
// A reused kept-alive connection closed before any response byte is retried once, as browsers do.
async function reader(url, token, idsFile) {
  const ids = fs.readFileSync(idsFile, 'utf8').trim().split('\n');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const stats = { requests: 0, ok: 0, failed: 0, races: 0, by_status: {}, errors: {} };
  let running = true;
  process.on('SIGTERM', () => { running = false; });
  const get = (path) => new Promise((resolve) => {
    const req = http.get(`${url}${path}`, { agent, headers: { Authorization: `Bearer ${token}` }, timeout: 30000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error, raced: req.reusedSocket && error.code === 'ECONNRESET' }));
  });
  for (let i = 0; running; i += 1) {
    const path = i % 2 === 0 ? '/api/shipments?size=10' : `/api/shipments/${ids[i % ids.length]}`;
    let result = await get(path);
    if (result.error && result.raced) {
      stats.races += 1;
      result = await get(path);
    }
    stats.requests += 1;
    if (result.error) {
      stats.failed += 1;
      const name = result.error.code || result.error.message;
      stats.errors[name] = (stats.errors[name] || 0) + 1;
    } else {
      stats.by_status[result.status] = (stats.by_status[result.status] || 0) + 1;
      if (result.status === 200) stats.ok += 1; else stats.failed += 1;
    }
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  agent.destroy();
  console.log(JSON.stringify(stats));
}

// Two polls of one container closer together than the poll interval mean two instances held it at
// once (a poll sets the next check to now + interval; the lease keeps others off meanwhile).
function polls(log, intervalMs) {
  const lines = fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const byKey = {};
  const byContainer = {};
  for (const p of lines) {
    byKey[p.key] = (byKey[p.key] || 0) + 1;
    (byContainer[p.container] ||= []).push(p);
  }
  const tooClose = [];
  let minGap = Infinity;
  for (const list of Object.values(byContainer)) {
    list.sort((a, b) => a.t - b.t);
    for (let i = 1; i < list.length; i += 1) {
      const gap = list[i].t - list[i - 1].t;
      minGap = Math.min(minGap, gap);
      if (gap < intervalMs) tooClose.push({ container: list[i].container, gap_ms: gap, by: [list[i - 1].key, list[i].key] });
    }
  }
  const movedBetween = Object.values(byContainer).filter((list) => new Set(list.map((p) => p.key)).size > 1).length;
  return { polls: lines.length, containers: Object.keys(byContainer).length, by_instance: byKey,
    containers_polled_by_several_instances: movedBetween, min_gap_ms: minGap === Infinity ? null : minGap, too_close: tooClose };
}

// Spring's default console line starts with an ISO timestamp; the three cron jobs log one line per run.
const JOBS = {
  'tracking-reconcile': /Nightly tracking reconcile: /,
  'compliance-expiry': /Document expiry check: /,
  'notifications-digest': /Daily digest: /,
};

// Every run of a ShedLock cron job, per instance. Two runs of one job closer together than one cron
// period are one firing run twice (a later firing is a whole period away).
function runs(periodS, logs) {
  const all = [];
  const perInstance = {};
  const perJob = {};
  logs.forEach((file, index) => {
    const instance = `i${index + 1}`;
    perInstance[instance] = 0;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const job = Object.keys(JOBS).find((name) => JOBS[name].test(line));
      if (!job) continue;
      const t = Date.parse(line.slice(0, line.indexOf(' ')));
      if (Number.isNaN(t)) continue;
      all.push({ job, t, instance });
      perInstance[instance] += 1;
      perJob[job] = (perJob[job] || 0) + 1;
    }
  });
  all.sort((a, b) => a.t - b.t);
  const doubled = [];
  const last = {};
  let minGap = Infinity;
  for (const run of all) {
    const previous = last[run.job];
    if (previous) {
      minGap = Math.min(minGap, run.t - previous.t);
      if (run.t - previous.t < periodS * 1000) doubled.push({ job: run.job, gap_ms: run.t - previous.t, by: [previous.instance, run.instance] });
    }
    last[run.job] = run;
  }
  return { runs: all.length, by_instance: perInstance, by_job: perJob, min_gap_ms: minGap === Infinity ? null : minGap, doubled };
}

// nginx's access log in the production `tracehub` format (ops/nginx/tracehub/http.conf:
// ... [TIME] "REQUEST" STATUS BYTES rt=.. urt=.. upstream=ADDR[, ADDR...] host=..): requests per
// instance that answered (the last address), requests nginx passed on to a next instance, and 5xx.
// Lines it cannot read are counted, so that a change of format cannot make the figures silently empty.
function access(log) {
  const byUpstream = {};
  const errors = [];
  let requests = 0;
  let passedOn = 0;
  let unreadable = 0;
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const m = line.match(/\[([^\]]+)\] "([^"]*)" (\d{3}) .*?\bupstream=(\S+(?:, \S+)*) host=/);
    if (!m) { unreadable += 1; continue; }
    requests += 1;
    const addrs = m[4].split(/,\s*/);
    const answered = addrs[addrs.length - 1];
    byUpstream[answered] = (byUpstream[answered] || 0) + 1;
    if (addrs.length > 1) passedOn += 1;
    if (Number(m[3]) >= 500) errors.push({ time: m[1], request: m[2], status: Number(m[3]), upstream: m[4] });
  }
  return { requests, unreadable, by_upstream: byUpstream, passed_on: passedOn, errors };
}

const [command, ...rest] = process.argv.slice(2);
try {
  switch (command) {
    case 'seed': await seed(rest[0], rest[1], Number(rest[2])); break;
    case 'pdf': writePdf(rest[0]); break;
    case 'reader': await reader(rest[0], rest[1], rest[2]); break;
    case 'polls': console.log(JSON.stringify(polls(rest[0], Number(rest[1])))); break;
    case 'runs': console.log(JSON.stringify(runs(Number(rest[0]), rest.slice(1)))); break;
    case 'access': console.log(JSON.stringify(access(rest[0]))); break;
    default: throw new Error(`unknown command ${command}`);
  }
} catch (error) {
  process.stderr.write(`client: ${error.message}\n`);
  process.exit(2);
}
