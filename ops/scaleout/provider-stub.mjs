#!/usr/bin/env node
// A JSONCargo-shaped tracking provider for the scale-out test, with no dependencies: it answers
// GET …/containers/{number}?shipping_line=… with a minimal valid snapshot (an estimated arrival in ten
// days) and appends one JSON line per request to --log: {"t": epoch ms, "container", "key"}, where key
// is the x-api-key header. Each application instance is given its own API key, so the log says which
// instance polled which container when.
//
//   node ops/scaleout/provider-stub.mjs --port 18080 --log polls.jsonl
//
// Prints "listening" once ready; stops on SIGTERM.
import http from 'node:http';
import fs from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []),
);
if (!args.port || !args.log) {
  process.stderr.write('usage: provider-stub.mjs --port PORT --log FILE\n');
  process.exit(2);
}
const log = fs.openSync(args.log, 'a');

// "yyyy-MM-dd HH:mm", the format JSONCargo uses (Payloads.SPACED in the tracking module).
const spaced = (date) => date.toISOString().slice(0, 16).replace('T', ' ');

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://stub');
  const match = url.pathname.match(/\/containers\/([A-Z0-9]+)$/);
  if (req.method !== 'GET' || !match) {
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  const container = match[1];
  fs.writeSync(log, `${JSON.stringify({ t: Date.now(), container, key: req.headers['x-api-key'] || '' })}\n`);
  const body = {
    data: {
      container_id: container,
      shipping_line_id: url.searchParams.get('shipping_line'),
      shipped_from: 'APAPA, NG',
      shipped_to: 'ROTTERDAM, NL',
      eta_final_destination: spaced(new Date(Date.now() + 10 * 86400000)),
      last_updated: spaced(new Date()),
    },
  };
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
});

server.keepAliveTimeout = 5000;
server.listen(Number(args.port), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
