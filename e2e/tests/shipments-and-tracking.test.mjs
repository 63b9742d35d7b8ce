// Shipments and tracking in the browser: create a shipment with a container (ISO 6346 feedback as
// you type), watch its simulated voyage appear on the timeline and the map, search and filter the
// list, and a buyer seeing only its own shipments.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, baseUrl, launch, newPage, screenshot, signIn, users } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('logistics creates a shipment with a container and watches its simulated tracking advance', async () => {
  const page = await newPage(browser);
  await signIn(page, users.exporterLogistics);
  await page.goto('/shipments/new');

  const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel('Reference', { exact: true }).fill(reference);
  await page.getByLabel('Product type', { exact: true }).selectOption({ label: 'Cocoa beans' });
  await page.getByLabel('Buyer', { exact: true }).selectOption({ label: 'Elbufer Rohstoffhandel GmbH' });
  await page.getByRole('combobox', { name: 'Port of loading' }).fill('NGAPP');
  await page.getByRole('combobox', { name: 'Port of discharge' }).fill('DEHAM');
  await page.getByRole('button', { name: 'Add container' }).click();
  const container = page.getByLabel('Container 1 number');
  // A mistyped check digit is explained while typing, before anything is sent.
  await container.fill('CSQU 305438-4');
  await page.getByText(/should be 3/).waitFor();
  await container.fill('CSQU 305438-3');
  await screenshot(page, '10-shipment-form');
  await page.getByRole('button', { name: 'Create shipment' }).click();

  await page.getByRole('heading', { name: reference }).waitFor();
  assert.match(page.url(), /\/shipments\/[0-9a-f-]{36}$/);
  await page.getByText('CSQU3054383').first().waitFor();

  // The simulator plays a day every 3 s; the page polls tracking, so the voyage appears by itself.
  const timeline = page.getByRole('list', { name: 'Tracking events' });
  await timeline.getByText('Departed').first().waitFor({ timeout: 60000 });
  const actual = await timeline.locator('li[data-classifier="ACT"]').count();
  const estimated = await timeline.locator('li[data-classifier="EST"], li[data-classifier="PLN"]').count();
  assert.ok(actual >= 2, `expected actual events, saw ${actual}`);
  assert.ok(estimated >= 1, `expected estimated events ahead, saw ${estimated}`);

  const map = page.getByRole('img', { name: 'Route map' });
  await map.waitFor();
  const stops = await map.locator('[data-testid="stop-marker"]').evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('data-unlocode')),
  );
  assert.equal(stops[0], 'NGAPP');
  assert.equal(stops.at(-1), 'DEHAM');
  await map.locator('[data-testid="last-known-marker"]').waitFor();
  await screenshot(page, '11-shipment-tracking');

  // Departure moved the shipment forward, recorded as a tracking move; the page shows it without a reload.
  await page.getByText('In transit').first().waitFor({ timeout: 30000 });
  const token = await apiToken(users.exporterLogistics);
  const id = page.url().split('/').at(-1);
  const shipment = await (await fetch(`${baseUrl}/api/shipments/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  assert.equal(shipment.status, 'in_transit');
  await page.context().close();
});

test('the shipment list searches by container digits and filters by status, in the URL', async () => {
  const page = await newPage(browser);
  await signIn(page, users.exporterLogistics);
  await page.goto('/shipments');
  const table = page.getByRole('table', { name: 'Shipments' });
  await table.getByRole('link', { name: /^OVA-2026-/ }).first().waitFor();

  // The first demo shipment's first container, searched by its last digits.
  const token = await apiToken(users.exporterLogistics);
  const page1 = await (
    await fetch(`${baseUrl}/api/shipments?q=OVA-2026-004`, { headers: { Authorization: `Bearer ${token}` } })
  ).json();
  const digits = page1.items[0].containerNumbers[0].slice(-6);
  await page.getByLabel('Search shipments').fill(digits);
  await page.waitForURL(new RegExp(`q=${digits}`));
  await table.getByRole('link', { name: 'OVA-2026-004' }).waitFor();
  await screenshot(page, '12-shipments-search');

  await page.getByLabel('Search shipments').fill('');
  await page.getByRole('checkbox', { name: 'Draft' }).check();
  await page.waitForURL(/status=draft/);
  await table.getByRole('link', { name: 'OVA-2026-001' }).waitFor();
  const statuses = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1].textContent));
  assert.ok(statuses.length >= 1);
  assert.ok(statuses.every((s) => /draft/i.test(s)), `only drafts expected, saw ${statuses.join(', ')}`);

  // The filtered list is a link: opening it again shows the same rows.
  await page.goto(page.url());
  await table.getByRole('link', { name: 'OVA-2026-001' }).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: 'Draft' }).isChecked());

  // At 375 px the list becomes cards and nothing needs horizontal scrolling, list or detail.
  await page.setViewportSize({ width: 375, height: 800 });
  const cards = page.getByRole('list', { name: 'Shipments' });
  await cards.getByRole('link', { name: 'OVA-2026-001' }).waitFor();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375, 'list overflows at 375 px');
  await screenshot(page, '14-shipments-375px');
  await page.goto('/shipments?q=OVA-2026-004');
  await cards.getByRole('link', { name: 'OVA-2026-004' }).click();
  await page.getByRole('heading', { name: 'OVA-2026-004' }).waitFor();
  await page.getByRole('img', { name: 'Route map' }).waitFor();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375, 'detail overflows at 375 px');
  await screenshot(page, '15-shipment-detail-375px');
  await page.context().close();
});

test('a buyer sees only the shipments it buys, and another buyer\'s shipment is not found', async () => {
  const page = await newPage(browser);
  await signIn(page, users.rotterdamBuyer);
  await page.goto('/shipments');
  const table = page.getByRole('table', { name: 'Shipments' });
  await table.getByRole('link', { name: /^OVA-2026-/ }).first().waitFor();
  const buyers = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[2].textContent));
  assert.ok(buyers.every((b) => b === 'Maaskade Commodities B.V.'), `foreign buyer listed: ${buyers.join(', ')}`);
  assert.equal(await page.getByRole('link', { name: 'New shipment' }).count(), 0);
  await screenshot(page, '13-shipments-rotterdam-buyer');

  const token = await apiToken(users.hamburgBuyer);
  const hamburg = await (await fetch(`${baseUrl}/api/shipments?size=1`, { headers: { Authorization: `Bearer ${token}` } })).json();
  await page.goto(`/shipments/${hamburg.items[0].id}`);
  await page.getByText(/not found/i).first().waitFor();
  await page.context().close();
});
