// Starts the packaged TraceHub jar on a fresh embedded PostgreSQL with demo data, waits until it is
// ready, runs the journeys in tests/ with node's test runner, and always stops the server again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const jar = resolve(here, '../backend/target/tracehub.jar');
const output = join(here, 'output');
const dataDir = join(output, 'data');
const greenMailVersion = '2.1.13';
const greenMailJar = join(here, 'target', 'greenmail', `greenmail-standalone-${greenMailVersion}.jar`);

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitUntilReady(baseUrl, password, server, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}; see output/server.log`);
    try {
      // Ready means migrations applied and the demo users loaded (the loader runs after start-up).
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@ogunvalley.example', password }),
      });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready in time; see output/server.log');
}

function stop(server) {
  return new Promise((done) => {
    if (server.exitCode !== null) return done();
    const timer = setTimeout(() => server.kill('SIGKILL'), 20000);
    server.on('exit', () => {
      clearTimeout(timer);
      done();
    });
    server.kill('SIGTERM');
  });
}

/** GreenMail standalone (fetched through the Maven wrapper once): the SMTP server the jar sends to. */
async function ensureGreenMailJar() {
  if (existsSync(greenMailJar)) return;
  const mvnw = resolve(here, '../mvnw');
  const code = await new Promise((done) => {
    const fetchJar = spawn(
      mvnw,
      [
        '-B',
        '-q',
        '-N',
        'dependency:copy',
        `-Dartifact=com.icegreen:greenmail-standalone:${greenMailVersion}`,
        `-DoutputDirectory=${dirname(greenMailJar)}`,
      ],
      { cwd: resolve(here, '..'), stdio: 'inherit' },
    );
    fetchJar.on('exit', (c) => done(c ?? 1));
  });
  if (code !== 0 || !existsSync(greenMailJar)) throw new Error('could not fetch GreenMail standalone');
}

async function startGreenMail(smtpPort, apiPort) {
  await ensureGreenMailJar();
  const log = createWriteStream(join(output, 'greenmail.log'));
  const greenMail = spawn(
    'java',
    [
      `-Dgreenmail.smtp.port=${smtpPort}`,
      '-Dgreenmail.smtp.hostname=127.0.0.1',
      `-Dgreenmail.api.port=${apiPort}`,
      '-Dgreenmail.api.hostname=127.0.0.1',
      '-Dgreenmail.auth.disabled',
      '-jar',
      greenMailJar,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  greenMail.stdout.pipe(log);
  greenMail.stderr.pipe(log);
  const until = Date.now() + 60000;
  while (Date.now() < until) {
    if (greenMail.exitCode !== null) throw new Error('GreenMail exited; see output/greenmail.log');
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/api/service/readiness`);
      if (res.status === 200) return greenMail;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('GreenMail did not become ready; see output/greenmail.log');
}

async function main() {
  if (!existsSync(jar)) {
    console.error(`No jar at ${jar}: build it first with ./mvnw -B package -DskipTests`);
    process.exit(2);
  }
  rmSync(output, { recursive: true, force: true });
  mkdirSync(join(output, 'screenshots'), { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const smtpPort = await freePort();
  const mailApiPort = await freePort();
  const greenMail = await startGreenMail(smtpPort, mailApiPort);
  const password = `e2e-${randomBytes(12).toString('hex')}`;
  const log = createWriteStream(join(output, 'server.log'));
  const server = spawn(
    'java',
    [
      '-jar',
      jar,
      '--spring.profiles.active=local',
      `--server.port=${port}`,
      '--server.address=127.0.0.1',
      // Simulated voyages play a day every 3 s and are polled every second or two, so a journey can
      // watch a new container gate in and depart within a minute.
      '--tracehub.tracking.simulator.speed=3s',
      '--tracehub.tracking.polling.tick=1s',
      '--tracehub.tracking.polling.near=2s',
      '--tracehub.tracking.polling.far=2s',
      '--tracehub.tracking.polling.arrived=2s',
      // E-mail goes to GreenMail; the outbox is sent every 2 s so a journey sees its mail quickly.
      '--spring.mail.host=127.0.0.1',
      `--spring.mail.port=${smtpPort}`,
      '--tracehub.notifications.sender.interval=2s',
    ],
    {
      env: { ...process.env, TRACEHUB_DATA_DIR: dataDir, TRACEHUB_DEMO_PASSWORD: password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let code = 1;
  try {
    const started = Date.now();
    await waitUntilReady(baseUrl, password, server, 180000);
    console.log(`TraceHub ready at ${baseUrl} after ${Math.round((Date.now() - started) / 1000)} s`);
    // E2E_TESTS narrows the run to some files while working on them (e.g. "tests/documents-and-eudr.test.mjs").
    const selected = process.env.E2E_TESTS ? process.env.E2E_TESTS.split(/\s+/) : ['tests/'];
    code = await new Promise((done) => {
      const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...selected], {
        cwd: here,
        env: {
          ...process.env,
          E2E_BASE_URL: baseUrl,
          E2E_PASSWORD: password,
          E2E_OUTPUT: output,
          E2E_MAIL_API: `http://127.0.0.1:${mailApiPort}`,
        },
        stdio: 'inherit',
      });
      tests.on('exit', (c) => done(c ?? 1));
    });
  } catch (e) {
    console.error(e.message);
  } finally {
    await stop(server);
    await stop(greenMail);
  }
  console.log(`Screenshots: ${join('e2e', 'output', 'screenshots')}`);
  process.exit(code);
}

await main();
