// Notifications end to end: a compliance officer rejects a document with a reason; the uploader sees it
// under the bell and in the list, and the e-mail with the reason arrives at the SMTP server (GreenMail).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, apiToken, launch, newPage, pdf, screenshot, signIn, users } from './support.mjs';

const mailApi = process.env.E2E_MAIL_API;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Messages GreenMail holds for an address (its REST API), each with subject and raw MIME. */
async function inbox(address) {
  const res = await fetch(`${mailApi}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
  if (res.status !== 200) return [];
  return res.json();
}

async function eventually(what, probe, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

test('a rejection with a reason reaches the uploader in the bell, the list and by e-mail', async () => {
  // The uploader is the supplier: it hears only about its own documents, so its list is not flooded by
  // the demo shipments' movements (which would page an exporter user's rejection out of view).
  const supplier = await apiToken(users.supplier);
  const compliance = await apiToken(users.exporterCompliance);
  const visible = await api(supplier, 'GET', '/api/shipments?size=1&sort=-updated');
  assert.ok(visible.items.length > 0, 'the demo supplier is a party to at least one shipment');
  const shipment = visible.items[0];
  const reference = shipment.reference;
  const tag = `E2E-NOT-${Date.now().toString(36).toUpperCase()}`;
  const form = new FormData();
  form.append('file', new Blob([pdf([`PACKING LIST ${tag}`])], { type: 'application/pdf' }), 'packing.pdf');
  form.append('type', 'packing_list');
  const doc = await api(supplier, 'POST', `/api/shipments/${shipment.id}/documents`, form);
  await api(supplier, 'POST', `/api/documents/${doc.id}/transitions`, { to: 'under_review' });
  const reason = `Weights do not match the invoice (${tag})`;
  await api(compliance, 'POST', `/api/documents/${doc.id}/transitions`, { to: 'rejected', reason });

  const page = await newPage(browser);
  await signIn(page, users.supplier);
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  // The listener runs after commit; the bell refreshes on navigation and every minute.
  try {
    await eventually('the bell to show unread notifications', async () => {
      await page.reload();
      await page.getByRole('navigation').waitFor();
      return bell.isVisible().catch(() => false);
    });
  } finally {
    await screenshot(page, '60-notification-bell');
  }
  await bell.click();
  await page.getByRole('heading', { name: 'Notifications' }).waitFor();
  const item = page.getByRole('listitem').filter({ hasText: tag });
  // Demo data may already have rung the bell: wait for this rejection itself.
  await eventually('the rejection in the list', async () => {
    if (await item.isVisible().catch(() => false)) return true;
    await page.reload();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    return false;
    // Demo data's events queue ahead of this one on a busy machine.
  }, 180000);
  assert.match(await item.innerText(), new RegExp(`was rejected: Weights do not match the invoice`));
  await screenshot(page, '61-notification-list');
  await item.getByRole('button', { name: /^Mark read/ }).click();
  await item.getByRole('button', { name: /^Mark read/ }).waitFor({ state: 'detached' });

  const mail = await eventually('the rejection e-mail in GreenMail', async () =>
    (await inbox(users.supplier)).find(
      (m) => m.subject?.includes(`rejected for ${reference}`) && m.mimeMessage.replace(/=\r?\n/g, '').includes(tag),
    ),
  );
  assert.equal(mail.subject, `[TraceHub] Packing list rejected for ${reference}`);
  const raw = mail.mimeMessage.replace(/=\r?\n/g, '');
  assert.match(raw, /Reason: Weights do not match the invoice/);
  assert.match(raw, /text\/html/);
  assert.ok(raw.includes(`/shipments/${shipment.id}`));
  // The reviewer who rejected it is not told of their own rejection (compliance may hear of other changes
  // to the shipment, such as its compliance result).
  const reviewerMails = (await inbox(users.exporterCompliance)).filter((m) => m.mimeMessage.includes(tag));
  assert.equal(reviewerMails.filter((m) => m.subject?.includes('rejected')).length, 0);
  await page.context().close();
});
