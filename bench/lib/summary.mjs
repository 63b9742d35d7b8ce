// Reads a Gatling report directory (its js/stats.js, the figures the HTML report shows) and prints a
// compact JSON summary of the measured window: the page (group "measured") and each request in it, with
// count, errors, p50/p95/p99/max and throughput per second of the measured duration. The warm-up group is
// left out. stats.js is a JavaScript literal written by Gatling itself, evaluated here as such.
// Usage: node summary.mjs REPORT_DIR MEASURED_SECONDS
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, seconds] = process.argv.slice(2);
const source = readFileSync(join(dir, 'js', 'stats.js'), 'utf8');
const stats = new Function(`${source}; return stats;`)();
const duration = Number(seconds);

const num = (v) => (v === '-' || v === undefined ? null : Number(v));
function figures(node) {
  const s = node.stats;
  const total = num(s.numberOfRequests.total);
  const ko = num(s.numberOfRequests.ko) ?? 0;
  return {
    name: node.name,
    count: total,
    errors: ko,
    errorRate: total ? Math.round((ko / total) * 10000) / 100 : 0,
    perSecond: Math.round((total / duration) * 10) / 10,
    meanMs: num(s.meanResponseTime.total),
    p50Ms: num(s.percentiles1.total),
    p75Ms: num(s.percentiles2.total),
    p95Ms: num(s.percentiles3.total),
    p99Ms: num(s.percentiles4.total),
    maxMs: num(s.maxResponseTime.total),
  };
}

const measured = Object.values(stats.contents ?? {}).find((n) => n.type === 'GROUP' && n.name === 'measured');
if (!measured) {
  console.error(`no "measured" group in ${dir}`);
  process.exit(1);
}
const requests = Object.values(measured.contents ?? {}).filter((n) => n.type === 'REQUEST').map(figures);
const setup = Object.values(stats.contents ?? {}).find((n) => n.type === 'GROUP' && n.name === 'setup');
process.stdout.write(
  JSON.stringify({
    page: figures(measured),
    requests,
    requestsPerSecond: Math.round((requests.reduce((a, r) => a + r.count, 0) / duration) * 10) / 10,
    setupErrors: setup ? num(setup.stats.numberOfRequests.ko) : 0,
  }) + '\n',
);
