import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { trackingPollMs } from '../api/get-tracking';
import { shipmentId, tracking } from '../testing-fixtures';

import { TrackingSection } from './tracking-section';

const trackingUrl = `/api/shipments/${shipmentId}/tracking`;

afterEach(() => vi.useRealTimers());

describe('TrackingSection', () => {
  it('draws the route map with a marker per stop, the route line and the last known position', async () => {
    server.use(http.get(trackingUrl, () => HttpResponse.json(tracking)));
    renderWithProviders(<TrackingSection shipmentId={shipmentId} canRefresh={false} />);

    const map = await screen.findByRole('img', { name: 'Route map' });
    expect(map.tagName.toLowerCase()).toBe('svg');
    const markers = within(map).getAllByTestId('stop-marker');
    expect(markers.map((marker) => marker.getAttribute('data-unlocode'))).toEqual(['NGAPP', 'ESALG', 'DEHAM']);
    expect(markers[0]).toHaveTextContent('Apapa');
    expect(within(map).getByTestId('route-line')).toHaveAttribute('stroke-dasharray');
    expect(within(map).getByTestId('last-known-marker')).toBeInTheDocument();
    expect(within(map).getByTestId('land').getAttribute('d')!.length).toBeGreaterThan(100);
    expect(map).toHaveAccessibleDescription(/Port of loading: Apapa \(NGAPP\)\. Transshipment: Algeciras/);
    expect(screen.getByRole('list', { name: 'Tracking events' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh tracking' })).not.toBeInTheDocument();
  });

  it('shows how long ago tracking was checked, and refreshes on request', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T10:00:00Z') });
    let refreshed = false;
    server.use(
      http.get(trackingUrl, () => HttpResponse.json(tracking)),
      http.post(`${trackingUrl}/refresh`, () => {
        refreshed = true;
        return HttpResponse.json({
          ...tracking,
          containers: [{ ...tracking.containers[0]!, lastCheckedAt: '2026-11-29T10:00:00Z' }],
        });
      }),
    );
    const { user } = renderWithProviders(<TrackingSection shipmentId={shipmentId} canRefresh />);

    expect(await screen.findByTestId('tracking-last-checked')).toHaveTextContent('last checked 3 minutes ago');
    await user.click(screen.getByRole('button', { name: 'Refresh tracking' }));

    await waitFor(() => expect(screen.getByTestId('tracking-last-checked')).toHaveTextContent('last checked just now'));
    expect(refreshed).toBe(true);
  });

  it('polls so that new events appear without a reload', async () => {
    let calls = 0;
    server.use(
      http.get(trackingUrl, () => {
        calls += 1;
        return HttpResponse.json(calls === 1 ? { ...tracking, events: [] } : tracking);
      }),
    );
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderWithProviders(<TrackingSection shipmentId={shipmentId} canRefresh={false} />);
    expect(await screen.findByText('No tracking events yet.')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(trackingPollMs);

    expect(await screen.findByRole('list', { name: 'Tracking events' })).toBeInTheDocument();
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('tells the user when a shipment has no tracking yet, and shows other problems', async () => {
    server.use(http.get(trackingUrl, () => problem(404, 'not-found', 'No tracking for this shipment.')));
    const first = renderWithProviders(<TrackingSection shipmentId={shipmentId} canRefresh />);
    expect(await screen.findByText('No tracking for this shipment yet.')).toBeInTheDocument();
    first.unmount();

    server.use(http.get(trackingUrl, () => problem(502, 'provider-unavailable', 'The tracking provider did not answer.')));
    renderWithProviders(<TrackingSection shipmentId={shipmentId} canRefresh />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The tracking provider did not answer.');
  });
});
