import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { createQueryClient } from '@/lib/query-client';
import { blV2Detail, blV2DocumentId } from '@/testing/document-fixtures';
import { adminMe, buyerMe, reviewerMe, viewerMe } from '@/testing/fixtures';
import { server } from '@/testing/server';
import { shipmentDetail, shipmentHistory, shipmentId } from '@/testing/shipment-fixtures';

import { AppProvider } from './provider';
import { AppRoutes } from './routes';

function renderApp(route: string, me: typeof adminMe) {
  server.use(
    http.get('/api/me', () => HttpResponse.json(me)),
    http.get(`/api/shipments/${shipmentId}`, () => HttpResponse.json(shipmentDetail)),
    http.get(`/api/shipments/${shipmentId}/history`, () => HttpResponse.json(shipmentHistory)),
    http.get(`/api/shipments/${shipmentId}/tracking`, () => HttpResponse.json({}, { status: 404 })),
    http.get(`/api/documents/${blV2DocumentId}`, () => HttpResponse.json(blV2Detail)),
    http.get('/api/documents/:id/content', () => new HttpResponse('%PDF', { headers: { 'Content-Type': 'application/pdf' } })),
    http.get('/api/organization/settings', () => HttpResponse.json({ tracesNumber: 'NG-TR-0001' })),
  );
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const { unmount } = render(
    <AppProvider queryClient={createQueryClient({ retry: false })}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProvider>,
  );
  return Object.assign(userEvent.setup(), { unmount });
}

async function openBillOfLading(user: ReturnType<typeof renderApp>) {
  await user.click(await screen.findByRole('tab', { name: 'Documents' }));
  const bl = await screen.findByRole('region', { name: 'Bill of lading' });
  await user.click(within(bl).getByRole('button', { name: 'Open version 2' }));
  await screen.findByRole('list', { name: 'History of version 2' });
}

describe('organisation settings route', () => {
  it('is in the navigation for settings:manage and opens the page', async () => {
    const user = renderApp('/', adminMe);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByLabelText('TRACES registration number')).toHaveValue('NG-TR-0001');
  });

  it('is hidden from a viewer, who gets "not found" at its address', async () => {
    renderApp('/settings/organization', viewerMe);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('shipment detail composition', () => {
  it('gives a reviewer the review actions and the findings with override', async () => {
    const user = renderApp(`/shipments/${shipmentId}`, reviewerMe);
    await openBillOfLading(user);
    const review = screen.getByRole('region', { name: 'Review' });
    expect(within(review).getByRole('button', { name: 'Approve' })).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Reject' })).toBeInTheDocument();
    expect(within(review).queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
    const findings = await within(review).findByRole('list', { name: 'Findings for this document' });
    expect(within(findings).getAllByRole('button', { name: 'Override' })).toHaveLength(1);
    expect(screen.getByRole('list', { name: 'Required documents' })).toBeInTheDocument();
  });

  it('shows a buyer and a viewer no review, override, upload or edit action', async () => {
    for (const me of [buyerMe, viewerMe]) {
      const user = renderApp(`/shipments/${shipmentId}`, me);
      await openBillOfLading(user);
      expect(screen.queryByRole('region', { name: 'Review' })).not.toBeInTheDocument();
      for (const name of ['Approve', 'Reject', 'Archive', 'Override', 'Upload a document', 'Edit metadata']) {
        expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      }
      await user.click(screen.getByRole('tab', { name: 'Compliance & EUDR' }));
      expect(await screen.findByRole('list', { name: 'Compliance findings' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Override' })).not.toBeInTheDocument();
      user.unmount();
    }
    // Two full app renders (each now also asking for the unread count): above the 5 s default on a
    // loaded two-core machine.
  }, 15000);
});
