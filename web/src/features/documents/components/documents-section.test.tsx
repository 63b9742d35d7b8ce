import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/api/session';
import {
  blV1Detail,
  blV2Detail,
  blV2DocumentId,
  shipmentDocuments,
  uploadedDocument,
} from '@/testing/document-fixtures';
import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentId } from '@/testing/shipment-fixtures';

import { DocumentsSection } from './documents-section';

const documents = shipmentDocuments;
const uploaded = uploadedDocument;
const uploadUrl = `/api/shipments/${shipmentId}/documents`;

const permissions = { canUpload: true, canReview: false, canArchive: false };

function pdf(name = 'bl-scan.pdf', size = 2048) {
  return new File([new Uint8Array(size)], name, { type: 'application/pdf' });
}

function serveDetails() {
  server.use(
    http.get(`/api/documents/${blV2DocumentId}`, () => HttpResponse.json(blV2Detail)),
    http.get(`/api/documents/${blV1Detail.id}`, () => HttpResponse.json(blV1Detail)),
    http.get('/api/documents/:id/content', () => new HttpResponse('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf' } })),
  );
}

let revoked: string[] = [];
beforeEach(() => {
  revoked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:preview-1');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});
afterEach(() => vi.useRealTimers());

async function startUpload(user: ReturnType<typeof renderWithProviders>['user'], file: File) {
  await user.click(await screen.findByRole('button', { name: 'Upload a document' }));
  const panel = within(screen.getByRole('region', { name: 'Upload a document' }));
  await user.selectOptions(await panel.findByLabelText('Document type'), 'bill_of_lading');
  await user.upload(screen.getByTestId('file-input'), file);
}

describe('DocumentsSection: list', () => {
  it('groups versions by type, newest first, and flags duplicates', async () => {
    renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} checklist={<p>checklist slot</p>} />);
    const bl = await screen.findByRole('region', { name: 'Bill of lading' });
    const versions = within(bl).getAllByTestId('document-version');
    expect(versions.map((v) => v.getAttribute('data-status'))).toEqual(['under_review', 'rejected']);
    expect(versions[0]).toHaveTextContent('Version 2');
    expect(versions[0]).toHaveTextContent('Possible duplicate');
    expect(within(versions[0]!).getByRole('list', { name: 'Possible duplicates' })).toHaveTextContent('Same reference number as on shipment VIBO-2026-011');
    expect(within(screen.getByRole('region', { name: 'Commercial invoice' })).getByText('Current')).toBeInTheDocument();
    expect(screen.getByText('checklist slot')).toBeInTheDocument();
  });

  it('opens a version to its transitions, with actor and reason', async () => {
    serveDetails();
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    const bl = await screen.findByRole('region', { name: 'Bill of lading' });
    await user.click(within(bl).getByRole('button', { name: 'Open version 1' }));
    const history = await screen.findByRole('list', { name: 'History of version 1' });
    const items = within(history).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[2]).toHaveTextContent('Under review → Rejected');
    expect(items[2]).toHaveTextContent('Chidi Compliance');
    expect(items[2]).toHaveTextContent('Reason: Consignee name is wrong');
  });

  it('previews a PDF through an object URL and revokes it when closed', async () => {
    serveDetails();
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await user.click(await screen.findByRole('button', { name: 'Open version 2' }));
    const frame = await screen.findByTitle('bl-final.pdf (version 2)');
    expect(frame.tagName.toLowerCase()).toBe('iframe');
    expect(frame).toHaveAttribute('src', 'blob:preview-1');
    await user.click(screen.getByRole('button', { name: 'Close version 2' }));
    expect(revoked).toEqual(['blob:preview-1']);
  });

  it('shows images as images, asking the server with auth for inline content', async () => {
    let seen: { auth: string | null; inline: string | null } | null = null;
    session.start('access-1');
    server.use(
      http.get(`/api/documents/${documents[1]!.id}`, () => HttpResponse.json({ ...documents[1], transitions: [], suggestions: null })),
      http.get(`/api/documents/${documents[1]!.id}/content`, ({ request }) => {
        seen = { auth: request.headers.get('Authorization'), inline: new URL(request.url).searchParams.get('inline') };
        return new HttpResponse('png', { headers: { 'Content-Type': 'image/png' } });
      }),
    );
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    const invoiceGroup = await screen.findByRole('region', { name: 'Commercial invoice' });
    await user.click(within(invoiceGroup).getByRole('button', { name: 'Open version 1' }));
    expect(await screen.findByRole('img', { name: 'invoice.png (version 1)' })).toHaveAttribute('src', 'blob:preview-1');
    expect(seen).toEqual({ auth: 'Bearer access-1', inline: 'true' });
  });
});

describe('DocumentsSection: upload', () => {
  it('uploads with auth, an idempotency key and a progress bar, then offers the metadata form', async () => {
    session.start('access-1');
    let headers: Headers | null = null;
    let form: FormData | null = null;
    server.use(
      http.post(uploadUrl, async ({ request }) => {
        headers = request.headers;
        form = await request.formData();
        await delay(200);
        return HttpResponse.json(uploaded, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await startUpload(user, pdf());

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(await screen.findByRole('form', { name: 'Document metadata' }, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(headers!.get('Authorization')).toBe('Bearer access-1');
    expect(headers!.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(form!.get('type')).toBe('bill_of_lading');
    // jsdom's XHR hands MSW a re-encoded part (no file name, other bytes); a browser sends the file as is.
    expect(form!.get('file')).not.toBeNull();
  });

  it('refuses a wrong extension or an oversized file before sending', async () => {
    let sent = false;
    server.use(http.post(uploadUrl, () => ((sent = true), HttpResponse.json(uploaded, { status: 201 }))));
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await user.click(await screen.findByRole('button', { name: 'Upload a document' }));
    await user.selectOptions(await screen.findByLabelText('Document type'), 'bill_of_lading');
    // The accept attribute only filters the picker (drops bypass it): the check must catch it anyway.
    await userEvent.setup({ applyAccept: false }).upload(screen.getByTestId('file-input'), new File(['MZ'], 'tool.exe'));
    expect(screen.getByRole('alert')).toHaveTextContent('“tool.exe” is not a PDF, JPEG, PNG, TIFF, DOCX or XLSX file.');
    const big = pdf('huge.pdf', 1);
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    await user.upload(screen.getByTestId('file-input'), big);
    expect(screen.getByRole('alert')).toHaveTextContent('the limit is 50 MB');
    expect(sent).toBe(false);
  });

  it.each([
    [413, 'document-too-large', 'The file is 61 MB; the limit is 50 MB.'],
    [415, 'unsupported-document-type', 'The file is an executable, not a PDF (detected from its content).'],
  ])('shows the server problem details for %i', async (status, kind, detail) => {
    server.use(http.post(uploadUrl, () => problem(status, kind, detail)));
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await startUpload(user, pdf());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file was not uploaded');
    expect(alert).toHaveTextContent(detail);
    expect(alert).toHaveTextContent('Reference: req-test-1');
  });

  it('asks for the type first and accepts a dropped file; the drop zone is reachable by keyboard', async () => {
    server.use(http.post(uploadUrl, () => HttpResponse.json(uploaded, { status: 201 })));
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await user.click(await screen.findByRole('button', { name: 'Upload a document' }));
    const zone = await screen.findByRole('button', { name: 'Drop a file here or press Enter to choose one' });
    zone.focus();
    expect(zone).toHaveFocus();
    await user.upload(screen.getByTestId('file-input'), pdf());
    expect(screen.getByText('Choose the document type first.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Document type'), 'bill_of_lading');
    fireEvent.drop(zone, { dataTransfer: { files: [pdf()] } });
    expect(await screen.findByRole('form', { name: 'Document metadata' }, { timeout: 4000 })).toBeInTheDocument();
  });
});

describe('DocumentsSection: metadata from suggestions', () => {
  it('applies a suggestion only when its chip is clicked, saves, then submits for review', async () => {
    const patches: unknown[] = [];
    const transitions: unknown[] = [];
    server.use(
      http.post(uploadUrl, () => HttpResponse.json(uploaded, { status: 201 })),
      http.patch(`/api/documents/${uploaded.id}/metadata`, async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json({ ...uploaded, transitions: [] });
      }),
      http.post(`/api/documents/${uploaded.id}/transitions`, async ({ request }) => {
        transitions.push(await request.json());
        return HttpResponse.json({ ...uploaded, status: 'under_review', transitions: [] });
      }),
    );
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await startUpload(user, pdf());
    const form = within(await screen.findByRole('form', { name: 'Document metadata' }, { timeout: 4000 }));

    // Shown, not applied.
    expect(form.getByRole('list', { name: 'Suggested types' })).toHaveTextContent('Bill of lading · score 0.91 · matches');
    expect(form.getByLabelText('Reference number')).toHaveValue('');
    expect(form.getByLabelText('Container numbers')).toHaveValue('');
    expect(form.getByLabelText('Gross weight (kg)')).toHaveValue('');
    // No net weight field on a B/L, and no port field: those chips are not offered.
    expect(form.queryByRole('button', { name: /as net/ })).not.toBeInTheDocument();
    expect(form.queryByRole('button', { name: /NGAPP/ })).not.toBeInTheDocument();

    await user.click(form.getByRole('button', { name: 'Use MAEU987654321 for reference number' }));
    await user.click(form.getByRole('button', { name: 'Use CSQU3054383 for container numbers' }));
    await user.click(form.getByRole('button', { name: 'Use MSKU9070323 for container numbers' }));
    await user.click(form.getByRole('button', { name: 'Use CSQU3054383 for container numbers' }));
    await user.click(form.getByRole('button', { name: 'Use 21500 kg as gross for weights' }));
    expect(form.getByLabelText('Reference number')).toHaveValue('MAEU987654321');
    expect(form.getByLabelText('Container numbers')).toHaveValue('CSQU3054383,MSKU9070323');
    expect(form.getByLabelText('HS codes')).toHaveValue('');
    await user.type(form.getByLabelText('Issuer'), 'Maersk');
    await user.type(form.getByLabelText('Issue date'), '2026-11-18');

    expect(form.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
    await user.click(form.getByRole('button', { name: 'Save metadata' }));
    expect(await form.findByText('Metadata saved.')).toBeInTheDocument();
    expect(patches).toEqual([
      {
        referenceNumber: 'MAEU987654321',
        issueDate: '2026-11-18',
        expiryDate: null,
        issuer: 'Maersk',
        fields: { container_numbers: 'CSQU3054383,MSKU9070323', gross_weight_kg: '21500' },
      },
    ]);

    await user.click(form.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() => expect(transitions).toEqual([{ to: 'under_review' }]));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Document metadata' })).not.toBeInTheDocument());
  });

  it('warns when the text looks like another type, and checks the dates', async () => {
    server.use(
      http.post(uploadUrl, () =>
        HttpResponse.json({ ...uploaded, suggestions: { ...uploaded.suggestions!, types: [{ code: 'commercial_invoice', score: 0.8 }] } }, { status: 201 }),
      ),
      http.patch(`/api/documents/${uploaded.id}/metadata`, () => HttpResponse.json({})),
    );
    const { user } = renderWithProviders(<DocumentsSection shipmentId={shipmentId} {...permissions} />);
    await startUpload(user, pdf());
    const form = within(await screen.findByRole('form', { name: 'Document metadata' }, { timeout: 4000 }));
    expect(form.getByRole('status')).toHaveTextContent('The text looks like a Commercial invoice, but the file was uploaded as Bill of lading.');
    await user.click(form.getByRole('button', { name: 'Save metadata' }));
    expect(await form.findByText('Metadata saved.')).toBeInTheDocument();
  });
});
