// Documents, compliance and EUDR in the browser: a document goes through upload with metadata,
// rejection, a new version and approval until the requirement checklist is green; plots for a cocoa
// shipment are imported and the validation report with its proposed repairs is shown before saving.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, apiToken, launch, newPage, pdf, screenshot, signIn, users } from './support.mjs';

const CONTAINER = 'CSQU3054383';
const today = new Date().toISOString().slice(0, 10);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Uploads, describes, submits and approves one document through the API (the setup of the journey). */
async function approvedDocument(logistics, compliance, shipmentId, type, reference, fields) {
  const form = new FormData();
  form.append('file', new Blob([pdf([`${type} ${reference}`])], { type: 'application/pdf' }), `${type}.pdf`);
  form.append('type', type);
  const doc = await api(logistics, 'POST', `/api/shipments/${shipmentId}/documents`, form);
  await api(logistics, 'PATCH', `/api/documents/${doc.id}/metadata`, {
    referenceNumber: reference,
    issueDate: today,
    issuer: 'Ogun Valley Agro Exports Ltd',
    fields,
  });
  await api(logistics, 'POST', `/api/documents/${doc.id}/transitions`, { to: 'under_review' });
  await api(compliance, 'POST', `/api/documents/${doc.id}/transitions`, { to: 'approved' });
}

async function uploadInBrowser(page, typeLabel, fileName, lines) {
  await page.getByRole('button', { name: 'Upload a document' }).click();
  await page.getByLabel('Document type').selectOption({ label: typeLabel });
  await page.getByTestId('file-input').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf(lines) });
  await page.getByRole('form', { name: 'Document metadata' }).waitFor({ timeout: 30000 });
}

test('a certificate is uploaded with metadata, rejected, uploaded again and approved: the checklist goes green', async () => {
  const logistics = await apiToken(users.exporterLogistics);
  const compliance = await apiToken(users.exporterCompliance);
  const reference = `E2E-DOC-${Date.now().toString(36).toUpperCase()}`;
  const etd = new Date(Date.now() + 10 * 86400000).toISOString();
  const shipment = await api(logistics, 'POST', '/api/shipments', {
    reference,
    productType: 'other',
    portOfLoading: 'NGAPP',
    portOfDischarge: 'NLRTM',
    etd,
    containers: [{ number: CONTAINER }],
    productLines: [{ hsCode: '130219', description: 'Dried plant extract', netWeightKg: 18000, grossWeightKg: 18400, containerNumber: CONTAINER }],
  });
  const shipmentId = shipment.id;
  const weights = { gross_weight_kg: '18400' };
  await approvedDocument(logistics, compliance, shipmentId, 'bill_of_lading', `BL-${reference}`, {
    container_numbers: CONTAINER, hs_codes: '130219', ...weights,
  });
  await approvedDocument(logistics, compliance, shipmentId, 'commercial_invoice', `INV-${reference}`, {
    hs_codes: '130219', ...weights, net_weight_kg: '18000',
  });
  await approvedDocument(logistics, compliance, shipmentId, 'packing_list', `PL-${reference}`, {
    container_numbers: CONTAINER, ...weights, net_weight_kg: '18000',
  });

  // The logistics user uploads the missing certificate of origin and describes it.
  const page = await newPage(browser);
  await signIn(page, users.exporterLogistics);
  await page.goto(`/shipments/${shipmentId}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const checklist = page.getByRole('list', { name: 'Required documents' });
  await checklist.locator('li[data-state="missing"]').filter({ hasText: 'Certificate of origin' }).waitFor();
  await uploadInBrowser(page, 'Certificate of origin', 'coo-v1.pdf', [
    'CERTIFICATE OF ORIGIN', `Certificate No. COO-${reference}`, 'Country of origin: Nigeria', 'HS code 0910',
  ]);
  const metadata = page.getByRole('form', { name: 'Document metadata' });
  // The reference number found in the PDF's text is offered; it is only applied when clicked.
  const field = (name) => metadata.getByLabel(name, { exact: true });
  assert.equal(await field('Reference number').inputValue(), '');
  await metadata.getByRole('button', { name: `Use COO-${reference} for reference number` }).click();
  assert.equal(await field('Reference number').inputValue(), `COO-${reference}`);
  await field('Issue date').fill(today);
  await field('HS codes').fill('0910');
  await field('Country of origin').fill('NG');
  await screenshot(page, '20-document-metadata');
  await metadata.getByRole('button', { name: 'Save metadata' }).click();
  await metadata.getByText('Metadata saved.').waitFor();
  await metadata.getByRole('button', { name: 'Submit for review' }).click();
  await checklist.locator('li[data-state="pending"]').filter({ hasText: 'Certificate of origin' }).waitFor();

  // The compliance officer rejects it: the HS code does not match the shipment.
  const reviewer = await newPage(browser);
  await signIn(reviewer, users.exporterCompliance);
  await reviewer.goto(`/shipments/${shipmentId}`);
  await reviewer.getByRole('tab', { name: 'Documents' }).click();
  const certificate = reviewer.getByRole('region', { name: 'Certificate of origin' });
  await certificate.getByRole('button', { name: 'Open version 1' }).click();
  const review = certificate.getByRole('region', { name: 'Review' });
  await review.getByRole('button', { name: 'Reject' }).click();
  await reviewer.getByLabel('Reason for rejecting (the uploader is told)').fill('HS code 0910 does not match the goods (1302).');
  await reviewer.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  const reviewerChecklist = reviewer.getByRole('list', { name: 'Required documents' });
  await reviewerChecklist.locator('li[data-state="failed"]').filter({ hasText: 'Certificate of origin' }).waitFor();
  await screenshot(reviewer, '21-document-rejected');

  // The uploader sees the rejection and uploads a corrected version 2.
  await page.reload();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await checklist.locator('li[data-state="failed"]').filter({ hasText: 'Certificate of origin' }).waitFor();
  await uploadInBrowser(page, 'Certificate of origin', 'coo-v2.pdf', [
    'CERTIFICATE OF ORIGIN', `Certificate No. COO2-${reference}`, 'Country of origin: Nigeria', 'HS code 1302.19',
  ]);
  await field('Reference number').fill(`COO2-${reference}`);
  await field('Issue date').fill(today);
  await field('HS codes').fill('130219');
  await field('Country of origin').fill('NG');
  await metadata.getByRole('button', { name: 'Save metadata' }).click();
  await metadata.getByText('Metadata saved.').waitFor();
  await metadata.getByRole('button', { name: 'Submit for review' }).click();

  // The officer approves version 2; every requirement is now satisfied and the shipment compliant.
  await reviewer.reload();
  await reviewer.getByRole('tab', { name: 'Documents' }).click();
  await certificate.getByRole('button', { name: 'Open version 2' }).click();
  await certificate.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Approve' }).click();
  await reviewerChecklist.locator('li[data-state="satisfied"]').filter({ hasText: 'Certificate of origin' }).waitFor();
  assert.equal(await reviewerChecklist.locator('li:not([data-state="satisfied"])').count(), 0);
  assert.equal(await reviewerChecklist.locator('li[data-state="satisfied"]').count(), 4);
  await screenshot(reviewer, '22-checklist-green');

  const evaluation = await api(compliance, 'GET', `/api/shipments/${shipmentId}/compliance`);
  assert.equal(evaluation.overall, 'compliant');
  const history = await api(compliance, 'GET', `/api/shipments/${shipmentId}/documents`);
  const versions = history.filter((d) => d.type === 'certificate_of_origin').map((d) => [d.version, d.status]);
  assert.deepEqual(versions.sort(), [[1, 'rejected'], [2, 'approved']]);
});

test('compliance imports plots for a cocoa shipment and sees the validation report with repairs before saving', async () => {
  const logistics = await apiToken(users.exporterLogistics);
  const reference = `E2E-EUDR-${Date.now().toString(36).toUpperCase()}`;
  const shipment = await api(logistics, 'POST', '/api/shipments', {
    reference,
    productType: 'cocoa_beans',
    portOfLoading: 'NGAPP',
    portOfDischarge: 'DEHAM',
    productLines: [{ hsCode: '180100', description: 'Raw cocoa beans', netWeightKg: 24000 }],
  });

  // One plot of 6.7 ha drawn as an open ring (repairable), with a wrongly cased property name.
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { producerName: 'Adebayo Farms', ProducerCountry: 'NG', ProductionPlace: 'Idanre', Area: 6.7 },
      geometry: {
        type: 'Polygon',
        // About 243 m × 276 m ≈ 6.7 ha, so a polygon is required (> 4 ha).
        coordinates: [[[5.123451, 7.123451], [5.125651, 7.123451], [5.125651, 7.125951], [5.123451, 7.125951]]],
      },
    }],
  }, null, 2);

  const page = await newPage(browser);
  await signIn(page, users.exporterCompliance);
  await page.goto(`/shipments/${shipment.id}`);
  await page.getByRole('tab', { name: 'Compliance & EUDR' }).click();
  await page.getByRole('button', { name: 'Import plots' }).click();
  const importer = page.getByRole('region', { name: 'Import plots' });
  await importer.getByRole('textbox', { name: 'GeoJSON' }).fill(geojson);
  await importer.getByRole('button', { name: 'Validate' }).click();
  const report = page.getByRole('region', { name: 'Validation report' });
  await report.waitFor();
  await report.getByText(/open|first.*last|clos/i).first().waitFor();
  await report.getByText(/producerName|ProducerName/).first().waitFor();
  await page.getByText('Repairs proposed').waitFor();
  await screenshot(page, '23-geojson-validation-report');

  await importer.getByLabel('Accept the repairs').check();
  await importer.getByLabel(/^1\./).check();
  await importer.getByLabel('Production date').fill('2024-03-01');
  await importer.getByRole('button', { name: 'Save plots' }).click();
  const token = await apiToken(users.exporterCompliance);
  let origins = [];
  for (let i = 0; i < 30 && origins.length === 0; i += 1) {
    origins = (await api(token, 'GET', `/api/shipments/${shipment.id}/eudr`)).origins;
    if (origins.length === 0) await new Promise((r) => { setTimeout(r, 500); });
  }
  assert.equal(origins.length, 1);
  await page.getByRole('img', { name: 'Map of the plots' }).waitFor();
  await screenshot(page, '24-plots-saved');
});
