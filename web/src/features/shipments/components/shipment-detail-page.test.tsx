import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { Schemas } from '@/lib/api/types';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentDetail, shipmentHistory, shipmentId } from '@/testing/shipment-fixtures';

import { ShipmentDetailPage } from './shipment-detail-page';

function serve(detail: Schemas['Detail'] = shipmentDetail) {
  server.use(
    http.get(`/api/shipments/${shipmentId}`, () => HttpResponse.json(detail)),
    http.get(`/api/shipments/${shipmentId}/history`, () => HttpResponse.json(shipmentHistory)),
  );
}

describe('ShipmentDetailPage', () => {
  it('shows the summary with port names, containers, product lines and attention', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);

    expect(await screen.findByRole('heading', { name: 'VIBO-2026-014' })).toBeInTheDocument();
    expect(await screen.findByText('Apapa (NGAPP)')).toBeInTheDocument();
    expect(await screen.findByText('Hamburg (DEHAM)')).toBeInTheDocument();
    expect(screen.getByText('Maersk (MAEU)')).toBeInTheDocument();
    expect(screen.getByText('MAERSK GUAYAQUIL / 611N')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Needs attention' })).getByText('ETA slipped')).toBeInTheDocument();

    const containers = screen.getByRole('table', { name: 'Containers' });
    expect(within(containers).getAllByRole('row')).toHaveLength(3);
    await waitFor(() =>
      expect(within(containers).getByText('CSQU3054383').closest('tr')).toHaveTextContent('22G1SEAL-121,500Vessel departed'),
    );
    expect(screen.getByRole('table', { name: 'Product lines' })).toHaveTextContent('Raw cocoa beans, fermented and dried');
  });

  it('offers only the transitions the server allows, and Edit when editable', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);

    const actions = within(await screen.findByRole('region', { name: 'Status actions' }));
    expect(actions.getAllByRole('button').map((button) => button.textContent)).toEqual(['Mark arrived', 'Archive']);
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', `/shipments/${shipmentId}/edit`);
  });

  it('hides actions and Edit from readers, and Edit when the shipment is not editable', async () => {
    serve({ ...shipmentDetail, editable: false });
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);
    await screen.findByRole('heading', { name: 'VIBO-2026-014' });
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('shows no actions to a user who may not write', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite={false} />);
    await screen.findByRole('heading', { name: 'VIBO-2026-014' });
    expect(screen.queryByRole('region', { name: 'Status actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('moves the shipment on and asks for a reason before archiving', async () => {
    const bodies: unknown[] = [];
    let current: Schemas['Detail'] = shipmentDetail;
    server.use(
      http.get(`/api/shipments/${shipmentId}`, () => HttpResponse.json(current)),
      http.get(`/api/shipments/${shipmentId}/history`, () => HttpResponse.json(shipmentHistory)),
      http.post(`/api/shipments/${shipmentId}/status`, async ({ request }) => {
        const body = (await request.json()) as Schemas['StatusChangeRequest'];
        bodies.push(body);
        current = { ...current, status: body.status, allowedTransitions: ['customs', 'archived'] };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);

    await user.click(await screen.findByRole('button', { name: 'Mark arrived' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mark in customs' })).toBeInTheDocument());
    expect(bodies).toEqual([{ status: 'arrived', reason: null }]);

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    const form = within(screen.getByRole('form', { name: 'Archive shipment' }));
    expect(form.getByRole('button', { name: 'Confirm archive' })).toBeDisabled();
    await user.type(form.getByLabelText('Reason for archiving'), 'Cancelled by the buyer');
    await user.click(form.getByRole('button', { name: 'Confirm archive' }));

    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ status: 'archived', reason: 'Cancelled by the buyer' });
  });

  it('lists the status history with actor, source and reason', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);

    const history = await screen.findByRole('list', { name: 'Status history' });
    const items = within(history).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[1]).toHaveTextContent('Draft → Documents pending');
    expect(items[1]).toHaveTextContent('Lola Logistics');
    expect(items[2]).toHaveTextContent('Documents pending → In transit');
    expect(items[2]).toHaveTextContent('Tracking');
    expect(items[2]).toHaveTextContent('Reason: Vessel departed Apapa');
  });

  it('counts down to the ETA and up from the ATA', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T06:00:00Z') });
    serve();
    const first = renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);
    expect(await screen.findByTestId('eta-countdown')).toHaveTextContent('arrives in 5 days');
    first.unmount();

    serve({ ...shipmentDetail, ata: '2026-11-27T06:00:00Z' });
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite />);
    expect(await screen.findByTestId('eta-countdown')).toHaveTextContent('arrived 2 days ago');
    vi.useRealTimers();
  });

  it('renders the tracking slot the app composes in', async () => {
    serve();
    renderWithProviders(<ShipmentDetailPage id={shipmentId} canWrite tracking={<p>tracking goes here</p>} />);
    expect(await screen.findByText('tracking goes here')).toBeInTheDocument();
  });

  it('puts documents and compliance in tabs the keyboard can move between', async () => {
    serve();
    const { user } = renderWithProviders(
      <ShipmentDetailPage id={shipmentId} canWrite documents={<p>documents tab</p>} compliance={(detail) => <p>compliance of {detail.reference}</p>} />,
    );
    const overview = await screen.findByRole('tab', { name: 'Overview' });
    expect(overview).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Summary');
    overview.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Documents' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('documents tab');
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('compliance of VIBO-2026-014');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus();
  });
});
