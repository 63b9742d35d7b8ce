import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentDetail, shipmentHistory, shipmentId } from '@/testing/shipment-fixtures';

import { attachmentName, isCompleteZip } from '../api/download-audit-pack';

import { AuditPackButton } from './audit-pack-button';
import { ShipmentDetailPage } from './shipment-detail-page';

/** A tiny but well-formed ZIP body: some entry bytes followed by an empty end-of-central-directory record. */
function zipBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size + 22);
  bytes.fill(0x41, 0, size);
  bytes.set([0x50, 0x4b, 0x05, 0x06], size);
  return bytes;
}

/** Streams `body` in `parts` chunks, waiting for a go-ahead between them, so progress can be observed. */
function chunkedResponse(body: Uint8Array, parts: number, gate: Promise<void>, headers: Record<string, string>) {
  const size = Math.ceil(body.length / parts);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(body.slice(0, size));
      await gate;
      for (let offset = size; offset < body.length; offset += size) controller.enqueue(body.slice(offset, offset + size));
      controller.close();
    },
  });
  return new HttpResponse(stream, { headers: { 'Content-Type': 'application/zip', ...headers } });
}

function captureSaves() {
  const saved: { name: string; blob: Blob }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    saved.push({ name: '', blob: blob as Blob });
    return 'blob:pack';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const last = saved.at(-1);
    if (last) last.name = this.download;
  });
  return saved;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('AuditPackButton', () => {
  it('shows progress while the pack streams in, then saves it under the server’s file name', async () => {
    const saved = captureSaves();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = zipBytes(2 * 1_048_576);
    let accept: string | null = null;
    server.use(
      http.get(`/api/shipments/${shipmentId}/audit-pack`, ({ request }) => {
        accept = request.headers.get('Accept');
        return chunkedResponse(body, 4, gate, {
          'Content-Disposition': 'attachment; filename="VIBO-2026-014-audit-pack.zip"',
        });
      }),
    );
    const { user } = renderWithProviders(<AuditPackButton shipmentId={shipmentId} reference="VIBO-2026-014" />);

    await user.click(screen.getByRole('button', { name: 'Audit pack' }));

    expect(await screen.findByRole('status')).toHaveTextContent('0.5 MB received');
    expect(screen.getByRole('progressbar', { name: 'Audit pack download' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Audit pack' })).toBeDisabled();
    release();

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('VIBO-2026-014-audit-pack.zip');
    expect(saved[0]!.blob.size).toBe(body.length);
    expect(accept).toContain('application/zip');
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Audit pack' })).toBeEnabled();
  });

  it('shows a percentage when the server announces the length', async () => {
    captureSaves();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = zipBytes(1000);
    server.use(
      http.get(`/api/shipments/${shipmentId}/audit-pack`, () =>
        chunkedResponse(body, 2, gate, { 'Content-Length': String(body.length) }),
      ),
    );
    const { user } = renderWithProviders(<AuditPackButton shipmentId={shipmentId} reference="VIBO-2026-014" />);
    await user.click(screen.getByRole('button', { name: 'Audit pack' }));

    expect(await screen.findByRole('status')).toHaveTextContent('50 %');
    release();
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
  });

  it('shows the problem when the shipment is not visible', async () => {
    const saved = captureSaves();
    server.use(
      http.get(`/api/shipments/${shipmentId}/audit-pack`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Not Found', status: 404, detail: `Shipment ${shipmentId} was not found.` },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderWithProviders(<AuditPackButton shipmentId={shipmentId} reference="VIBO-2026-014" />);
    await user.click(screen.getByRole('button', { name: 'Audit pack' }));

    expect(await screen.findByText(`Shipment ${shipmentId} was not found.`)).toBeInTheDocument();
    expect(screen.getByText('The audit pack could not be downloaded')).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });

  it('refuses to save a pack that stopped before its end', async () => {
    const saved = captureSaves();
    server.use(
      http.get(`/api/shipments/${shipmentId}/audit-pack`, () =>
        new HttpResponse(new Uint8Array(500).fill(0x41), { headers: { 'Content-Type': 'application/zip' } }),
      ),
    );
    const { user } = renderWithProviders(<AuditPackButton shipmentId={shipmentId} reference="VIBO-2026-014" />);
    await user.click(screen.getByRole('button', { name: 'Audit pack' }));

    expect(await screen.findByText(/stopped before its end/)).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });
});

describe('audit pack helpers', () => {
  it('reads the file name of an attachment, with a fallback', () => {
    expect(attachmentName('attachment; filename="A-1-audit-pack.zip"', 'x.zip')).toBe('A-1-audit-pack.zip');
    expect(attachmentName(null, 'x.zip')).toBe('x.zip');
  });

  it('recognises the end of a ZIP', async () => {
    expect(await isCompleteZip(new Blob([zipBytes(10) as BlobPart]))).toBe(true);
    expect(await isCompleteZip(new Blob([new Uint8Array(40) as BlobPart]))).toBe(false);
  });
});

describe('ShipmentDetailPage audit pack button', () => {
  function serve() {
    server.use(
      http.get(`/api/shipments/${shipmentId}`, () => HttpResponse.json(shipmentDetail)),
      http.get(`/api/shipments/${shipmentId}/history`, () => HttpResponse.json(shipmentHistory)),
    );
  }

  it('is offered to users who may download audit packs', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite={false} canDownloadAuditPack />);
    expect(await screen.findByRole('button', { name: 'Audit pack' })).toBeInTheDocument();
  });

  it('is not offered to others', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);
    await screen.findByRole('heading', { name: 'VIBO-2026-014' });
    expect(screen.queryByRole('button', { name: 'Audit pack' })).not.toBeInTheDocument();
  });
});
