// An admin invites a colleague, the colleague accepts in another browser, signs in with the new
// account, and logs out; after logout the old session cannot be resumed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, screenshot, signIn, users } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('invite, accept, sign in as the new user, log out', async () => {
  const invitee = `new.colleague.${Date.now()}@ogunvalley.example`;
  const inviteePassword = 'cocoa harbour lantern 42';

  const admin = await newPage(browser);
  await signIn(admin, users.exporterAdmin);
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await admin.getByLabel('E-mail to invite').fill(invitee);
  await admin.getByLabel('Role for the invitee').selectOption('compliance');
  await admin.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = await admin.getByTestId('invitation-link').inputValue();
  assert.match(link, /\/accept-invitation#token=[A-Za-z0-9_-]{43}$/);
  await screenshot(admin, '06-invitation-issued');

  // The invitee opens the link in a separate browser context (no shared cookies).
  const guest = await newPage(browser);
  await guest.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await guest.getByText(invitee).waitFor();
  await guest.getByText('Ogun Valley Agro Exports Ltd').first().waitFor();
  await screenshot(guest, '07-accept-invitation');
  await guest.getByLabel('Full name').fill('Kemi Adebayo');
  await guest.getByLabel('Password', { exact: true }).fill(inviteePassword);
  await guest.getByLabel('Confirm password').fill(inviteePassword);
  await guest.getByRole('button', { name: 'Accept invitation' }).click();
  await guest.getByRole('heading', { name: 'Invitation accepted' }).waitFor();
  await screenshot(guest, '08-invitation-accepted');

  // The link is single use. (Leave the page first: the same URL with a fragment would not reload.)
  await guest.goto('/login');
  await guest.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await guest.getByText(/already been accepted/i).waitFor();

  await signIn(guest, invitee, inviteePassword);
  assert.equal(await guest.getByTestId('dashboard-organisation').textContent(), 'Ogun Valley Agro Exports Ltd');
  assert.match(await guest.getByTestId('dashboard-role').textContent(), /compliance/i);
  await screenshot(guest, '09-dashboard-new-compliance-user');

  // The admin now sees the new member.
  await admin.reload();
  // (The invitations table lists the same address, now as accepted: look in the members table.)
  await admin.getByRole('region', { name: /^Members/ }).getByRole('cell', { name: invitee }).waitFor();

  // Log out: back to sign-in, and reloading does not silently restore the session.
  await guest.getByRole('button', { name: /account menu/i }).click();
  await guest.getByRole('button', { name: 'Log out' }).click();
  await guest.getByRole('button', { name: /sign in/i }).waitFor();
  await guest.goto('/');
  await guest.waitForURL(/\/login/);
  await screenshot(guest, '10-logged-out');
  await admin.context().close();
  await guest.context().close();
});

test('wrong password shows a clear message and never echoes the password', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(users.exporterViewer);
  await page.getByLabel('Password', { exact: true }).fill('definitely-wrong-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByText('E-mail or password is incorrect.').waitFor();
  assert.equal(await page.getByText('definitely-wrong-password').count(), 0);
  assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');
  await screenshot(page, '11-login-failed');
  await page.context().close();
});
