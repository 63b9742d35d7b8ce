// Shared helpers for the journeys: one Chromium per test file, screenshots named after the step.
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL;
export const password = process.env.E2E_PASSWORD;
const output = process.env.E2E_OUTPUT;

export const users = {
  exporterAdmin: 'admin@ogunvalley.example',
  exporterViewer: 'viewer@ogunvalley.example',
  hamburgBuyer: 'buyer@elbufer.example',
  hamburgAdmin: 'admin@elbufer.example',
  exporterLogistics: 'logistics@ogunvalley.example',
  exporterCompliance: 'compliance@ogunvalley.example',
  rotterdamBuyer: 'buyer@maaskade.example',
  supplier: 'supplier@idanre-coop.example',
};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(output, 'screenshots', `${name}.png`), fullPage: true });
}

export async function signIn(page, email, secret = password) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(secret);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('navigation').waitFor();
}

/** Calls the API the way the web client does, with a token from a fresh sign-in. */
export async function apiToken(email, secret = password) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: secret }),
  });
  if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}`);
  return (await res.json()).accessToken;
}

/** A small but valid one-page PDF whose text the server can extract (shared with the ops tests). */
export { pdf } from '../../ops/lib/pdf.mjs';

/** Calls the API with a bearer token and a fresh Idempotency-Key; JSON or FormData bodies; fails on non-2xx. */
export async function api(token, method, path, body) {
  const init = { method, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`${baseUrl}${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}
