// Two organisations, two roles: each sees its own organisation, the navigation its role allows, and
// nothing of the other organisation — in the browser and through the API the browser uses.
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

test('exporter admin sees the Users navigation and its own organisation', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await screenshot(page, '01-login');
  await signIn(page, users.exporterAdmin);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
  await nav.getByRole('link', { name: 'Users' }).waitFor();
  assert.equal(await page.getByTestId('dashboard-organisation').textContent(), 'Ogun Valley Agro Exports Ltd');
  assert.match(await page.getByTestId('dashboard-role').textContent(), /admin/i);
  await screenshot(page, '02-dashboard-exporter-admin');

  await nav.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'viewer@ogunvalley.example' }).waitFor();
  // Members of other organisations are not listed.
  assert.equal(await page.getByText('buyer@elbufer.example').count(), 0);
  await screenshot(page, '03-users-exporter-admin');
  await page.context().close();
});

test('buyer of another organisation sees its own organisation and no administration', async () => {
  const page = await newPage(browser);
  await signIn(page, users.hamburgBuyer);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
  assert.equal(await page.getByTestId('dashboard-organisation').textContent(), 'Elbufer Rohstoffhandel GmbH');
  assert.match(await page.getByTestId('dashboard-role').textContent(), /buyer/i);
  await screenshot(page, '04-dashboard-hamburg-buyer');

  // A deep link to an administration page the role may not use is simply not there.
  await page.goto('/users');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await screenshot(page, '05-users-refused-for-buyer');
  await page.context().close();
});

test("an admin is refused the other organisation's users with 404", async () => {
  const exporterToken = await apiToken(users.exporterAdmin);
  const hamburgToken = await apiToken(users.hamburgAdmin);
  const exporterMe = await (
    await fetch(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${exporterToken}` } })
  ).json();

  // Hamburg's admin tries to change and to deactivate the exporter's admin.
  const patch = await fetch(`${baseUrl}/api/users/${exporterMe.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${hamburgToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'viewer' }),
  });
  assert.equal(patch.status, 404);
  assert.equal(patch.headers.get('content-type'), 'application/problem+json');
  const deactivate = await fetch(`${baseUrl}/api/users/${exporterMe.id}/deactivate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${hamburgToken}` },
  });
  assert.equal(deactivate.status, 404);

  const list = await (
    await fetch(`${baseUrl}/api/users?size=200`, { headers: { Authorization: `Bearer ${hamburgToken}` } })
  ).json();
  assert.ok(list.items.length > 0);
  assert.ok(list.items.every((u) => u.email.endsWith('@elbufer.example')), 'only Hamburg users are listed');
});
