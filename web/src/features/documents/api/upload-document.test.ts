import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { session } from '@/lib/api/session';
import { uploadedDocument } from '@/testing/document-fixtures';
import { problem, tokenResponse } from '@/testing/http';
import { server } from '@/testing/server';
import { shipmentId } from '@/testing/shipment-fixtures';

import { uploadDocument } from './upload-document';

const uploadUrl = `/api/shipments/${shipmentId}/documents`;
const file = () => new File([new Uint8Array(4096)], 'bl.pdf', { type: 'application/pdf' });

describe('uploadDocument', () => {
  it('reports upload progress up to the whole body', async () => {
    session.start('access-1');
    server.use(http.post(uploadUrl, () => HttpResponse.json(uploadedDocument, { status: 201 })));
    const progress: { loaded: number; total: number }[] = [];
    const result = await uploadDocument({ shipmentId, file: file(), type: 'bill_of_lading' }, (p) => progress.push(p));
    expect(result.id).toBe(uploadedDocument.id);
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1]!;
    expect(last.loaded).toBe(last.total);
  });

  it('refreshes an expired session once and retries with the new token and the same idempotency key', async () => {
    session.start('expired');
    const seen: { auth: string | null; key: string | null }[] = [];
    server.use(
      http.post('/api/auth/refresh', () => tokenResponse('fresh')),
      http.post(uploadUrl, ({ request }) => {
        seen.push({ auth: request.headers.get('Authorization'), key: request.headers.get('Idempotency-Key') });
        return seen.length === 1 ? problem(401, 'unauthorized', 'Token expired.') : HttpResponse.json(uploadedDocument, { status: 201 });
      }),
    );
    await uploadDocument({ shipmentId, file: file(), type: 'bill_of_lading' });
    expect(seen.map((s) => s.auth)).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(seen[0]!.key).toBe(seen[1]!.key);
  });

  it('rejects with the server problem, including type and detail', async () => {
    server.use(http.post(uploadUrl, () => problem(415, 'unsupported-document-type', 'Detected application/x-msdownload.')));
    await expect(uploadDocument({ shipmentId, file: file(), type: 'bill_of_lading' })).rejects.toMatchObject({
      status: 415,
      detail: 'Detected application/x-msdownload.',
    });
  });
});
