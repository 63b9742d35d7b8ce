#!/usr/bin/env node
// Continuous HTTP load for the deployment drills, with no dependencies: GET and POST loops over
// kept-alive connections, counting what a browser-like client would see.
//
//   node ops/drills/loadgen.mjs --url http://127.0.0.1:8080 [--get /health]... [--post /api/auth/logout]
//        [--get-workers 4] [--post-workers 2] [--rate 80] [--seconds 60] [--keep-alive true|false]
//        [--expect-post 204]
//
// --rate caps the total requests per second (0 = as fast as possible): on a small shared machine an
// uncapped load starves the JVM that the drill is starting.
//
// Runs until --seconds pass or SIGTERM/SIGINT, then prints one JSON summary line on stdout.
// A request whose reused connection was closed before any response byte (the keep-alive race of a
// reloading nginx) is retried once, as browsers do for idempotent requests; POSTs carry an
// Idempotency-Key and are retried with the same key, as the web client does. Such first attempts
// are counted as `races`; only what still fails after that one retry counts as `failed`.
import http from 'node:http';
import { randomUUID } from 'node:crypto';

function parseArgs(argv) {
  const opts = { url: '', get: [], post: [], getWorkers: 4, postWorkers: 2, rate: 0, seconds: 0, keepAlive: true, expectPost: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    switch (name) {
      case '--url': opts.url = value.replace(/\/$/, ''); break;
      case '--get': opts.get.push(value); break;
      case '--post': opts.post.push(value); break;
      case '--get-workers': opts.getWorkers = Number(value); break;
      case '--post-workers': opts.postWorkers = Number(value); break;
      case '--seconds': opts.seconds = Number(value); break;
      case '--rate': opts.rate = Number(value); break;
      case '--keep-alive': opts.keepAlive = value !== 'false'; break;
      case '--expect-post': opts.expectPost = Number(value); break;
      default: throw new Error(`unknown option ${name}`);
    }
  }
  if (!opts.url) throw new Error('--url is required');
  if (opts.get.length === 0) opts.get.push('/health');
  return opts;
}

const stats = { requests: 0, ok: 0, failed: 0, races: 0, retried_ok: 0, conn_errors: 0, by_status: {}, get: 0, post: 0, errors: {}, builds: {}, build_sequence: [] };

// Which release answered: /health names its build. Counted per build, and the sequence of builds in
// the order answers arrived (a new entry only when the build changes), so a drill can show that the
// traffic moved from one release to the other, and how cleanly.
function noteBuild(body) {
  let build;
  try { ({ build } = JSON.parse(body)); } catch { return; }
  if (typeof build !== 'string') return;
  stats.builds[build] = (stats.builds[build] || 0) + 1;
  if (stats.build_sequence[stats.build_sequence.length - 1] !== build) stats.build_sequence.push(build);
}

// One attempt: resolves {status} or {error, raced} where raced means "closed before any byte on a
// reused connection", the only case a browser retries by itself.
function attempt(agent, base, method, path, key) {
  return new Promise((resolve) => {
    const headers = method === 'POST' ? { 'Idempotency-Key': key, 'Content-Length': '0' } : {};
    const req = http.request(`${base}${path}`, { method, agent, headers, timeout: 30000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => { if (method === 'GET') chunks.push(chunk); });
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ error, raced: false }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error, raced: req.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(error.code) }));
    req.end();
  });
}

function isOk(method, status, opts) {
  if (method === 'POST' && opts.expectPost) return status === opts.expectPost;
  return status >= 200 && status < 300;
}

function countError(error) {
  const name = error.code || error.message;
  stats.errors[name] = (stats.errors[name] || 0) + 1;
}

async function request(agent, opts, method, path) {
  const key = randomUUID();
  let result = await attempt(agent, opts.url, method, path, key);
  stats.requests += 1;
  stats[method.toLowerCase()] += 1;
  if (result.error && result.raced) {
    stats.races += 1;
    // A browser retries on a new connection: the pool may hold further sockets that the same nginx
    // reload is closing, and retrying on one of those would count a second race as a failure.
    result = await attempt(false, opts.url, method, path, key);
    if (!result.error && isOk(method, result.status, opts)) stats.retried_ok += 1;
  }
  if (result.error) {
    stats.failed += 1;
    stats.conn_errors += 1;
    countError(result.error);
    return;
  }
  stats.by_status[result.status] = (stats.by_status[result.status] || 0) + 1;
  if (isOk(method, result.status, opts)) {
    stats.ok += 1;
    if (method === 'GET') noteBuild(result.body);
  } else {
    stats.failed += 1;
  }
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

async function worker(agent, opts, method, paths, running) {
  const interval = opts.rate > 0 ? (1000 * (opts.getWorkers + opts.postWorkers)) / opts.rate : 0;
  let next = Date.now();
  let i = 0;
  while (running.value) {
    await request(agent, opts, method, paths[i % paths.length]);
    i += 1;
    next += interval;
    const wait = next - Date.now();
    if (wait > 0) await sleep(wait); else next = Date.now();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const agent = new http.Agent({ keepAlive: opts.keepAlive, maxSockets: opts.getWorkers + opts.postWorkers });
  const running = { value: true };
  const stop = () => { running.value = false; };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (opts.seconds > 0) setTimeout(stop, opts.seconds * 1000);
  const started = Date.now();
  const workers = [];
  for (let i = 0; i < opts.getWorkers; i += 1) workers.push(worker(agent, opts, 'GET', opts.get, running));
  if (opts.post.length > 0) {
    for (let i = 0; i < opts.postWorkers; i += 1) workers.push(worker(agent, opts, 'POST', opts.post, running));
  }
  await Promise.all(workers);
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ ...stats, seconds, rps: Math.round(stats.requests / seconds) })}\n`);
}

main().catch((error) => {
  process.stderr.write(`loadgen: ${error.message}\n`);
  process.exit(2);
});
