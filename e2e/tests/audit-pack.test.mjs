// The audit pack as a buyer sees it: open a shipment bought by Elbufer, click "Audit pack", capture the
// browser's download and check, entry by entry, that MANIFEST.sha256 holds (what `sha256sum -c` does).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { api, apiToken, launch, newPage, screenshot, signIn, users } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Reads a ZIP from its central directory (the pack writes sizes there; local headers defer them to data
 * descriptors). Stored (0) and deflated (8) entries only: the only methods a pack uses. Answers entries in order.
 */
function unzip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0 && buffer.length - eocd >= 22, 'the download ends with a ZIP end-of-central-directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50, 'central directory entry signature');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    assert.equal(buffer.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : assert.fail(`method ${method} of ${name}`);
    assert.equal(data.length, size, `size of ${name}`);
    entries.push({ name, data });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

test('a buyer downloads the audit pack of a shipment and every manifest line verifies', async () => {
  const token = await apiToken(users.hamburgBuyer);
  // The pack's point is the documents: pick a shipment with at least one current (approved) document. The
  // demo documents are loaded in the background after start-up, so wait for them a while.
  let chosen;
  let current = [];
  for (let attempt = 0; attempt < 60 && !chosen; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 3000));
    const shipments = (await api(token, 'GET', '/api/shipments?size=100')).items;
    for (const s of shipments) {
      current = (await api(token, 'GET', `/api/shipments/${s.id}/documents`)).filter((d) => d.current);
      if (current.length > 0) {
        chosen = s;
        break;
      }
    }
  }
  assert.ok(chosen, 'a shipment of the buyer has current documents in the demo data');

  const page = await newPage(browser);
  await signIn(page, users.hamburgBuyer);
  await page.goto(`/shipments/${chosen.id}`);
  await page.getByRole('heading', { name: chosen.reference }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Audit pack' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${chosen.reference.replace(/[^A-Za-z0-9._-]/g, '_')}-audit-pack.zip`);
  const zip = await readFile(await download.path());
  await screenshot(page, 'audit-pack-downloaded');

  const entries = unzip(zip);
  const names = entries.map((e) => e.name);
  assert.equal(names[0], 'index.pdf');
  assert.equal(names.at(-1), 'MANIFEST.sha256');
  assert.ok(names.includes('tracking.json') && names.includes('metadata.json'));
  const documents = names.filter((n) => n.startsWith('documents/'));
  // The demo loader may approve more documents of this shipment while the test runs, so the pack is
  // checked against both reads: everything current before the download is in it, and everything in it is
  // current after the download (demo documents are only ever added, never superseded).
  const currentAfter = (await api(token, 'GET', `/api/shipments/${chosen.id}/documents`)).filter((d) => d.current);
  const entryOf = (d) => documents.find((n) => n.includes(`-v${d.version}-${d.id.slice(0, 8)}.`));
  for (const d of current) {
    assert.ok(entryOf(d), `${d.type} v${d.version} is in the pack`);
  }
  assert.equal(
    documents.length,
    currentAfter.filter(entryOf).length,
    'every document in the pack is a current document of the shipment, once',
  );
  assert.ok(entries[0].data.subarray(0, 5).toString('latin1') === '%PDF-', 'index.pdf is a PDF');

  const manifest = entries.at(-1).data.toString('utf8');
  const lines = manifest.trimEnd().split('\n');
  assert.deepEqual(
    lines.map((line) => line.slice(66)),
    names.slice(0, -1),
    'the manifest lists every other entry, in order',
  );
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  for (const line of lines) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    assert.ok(match, `manifest line in sha256sum format: ${line}`);
    const actual = createHash('sha256').update(byName.get(match[2])).digest('hex');
    assert.equal(actual, match[1], `${match[2]}: OK`);
  }
  const metadata = JSON.parse(byName.get('metadata.json').toString('utf8'));
  assert.equal(metadata.shipment.reference, chosen.reference);
  assert.equal(metadata.complete, true);
});
