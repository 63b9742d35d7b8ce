import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { analyticsSummary, analyticsTrends } from '@/testing/analytics-fixtures';
import { problem } from '@/testing/http';
import { LocationProbe, renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { buyerPartner } from '@/testing/shipment-fixtures';

import { AnalyticsPage } from './analytics-page';

function recordSummaryRequests() {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get('/api/analytics/summary', ({ request }) => {
      requests.push(new URL(request.url).searchParams);
      return HttpResponse.json(analyticsSummary);
    }),
  );
  return requests;
}

function renderPage(route = '/analytics') {
  return renderWithProviders(
    <>
      <AnalyticsPage />
      <LocationProbe />
    </>,
    { route },
  );
}

// Charts make these renders heavy; a loaded CI machine needs more than the default 5 s.
describe('AnalyticsPage', { timeout: 15_000 }, () => {
  it('shows every headline figure as a link to the shipment list that holds its members', async () => {
    renderPage();
    const figures = await screen.findByRole('region', { name: 'Figures' });
    const inTransit = within(figures).getByRole('link', { name: /In transit\s*2/ });
    expect(inTransit).toHaveAttribute('href', '/shipments?status=in_transit');
    expect(within(figures).getByRole('link', { name: /On-time rate\s*50 %/ })).toHaveAttribute(
      'href',
      '/shipments?ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&onTime=true',
    );
    expect(within(figures).getByRole('link', { name: /Compliance rate\s*57 %/ })).toHaveAttribute(
      'href',
      '/shipments?compliance=compliant',
    );
    expect(within(figures).getByRole('link', { name: /Documents awaiting review\s*3\s*on 2 shipments/ })).toHaveAttribute(
      'href',
      '/shipments?documentsAwaitingReview=true',
    );
    expect(within(figures).getByRole('link', { name: /Average transit\s*22\.3 days/ })).toBeInTheDocument();
  });

  it('gives every chart a table with the same numbers, each count linking to its list', async () => {
    renderPage();
    const byStatus = await screen.findByRole('table', { name: 'Shipments by status' });
    const inTransitRow = within(byStatus).getByRole('row', { name: /In transit/ });
    expect(within(inTransitRow).getByRole('link', { name: '2' })).toHaveAttribute('href', '/shipments?status=in_transit');
    expect(screen.getByRole('img', { name: /shipments by status/ })).toBeInTheDocument();

    const trends = await screen.findByRole('table', { name: 'Trends' });
    expect(within(trends).getAllByRole('row')).toHaveLength(1 + analyticsTrends.buckets.length);
    expect(within(trends).getByRole('link', { name: '5' })).toHaveAttribute(
      'href',
      '/shipments?createdFrom=2026-11-23T00:00:00Z&createdTo=2026-11-30T00:00:00Z',
    );

    const perBuyer = await screen.findByRole('table', { name: 'Shipments per buyer' });
    expect(within(perBuyer).getByRole('row', { name: new RegExp(buyerPartner.name) })).toBeInTheDocument();
  });

  it('puts the filters in the URL and asks the server for the filtered figures', async () => {
    const requests = recordSummaryRequests();
    const { user } = renderPage('/analytics?from=2026-10-01&to=2026-10-31');
    await screen.findByRole('region', { name: 'Figures' });
    expect(requests[0]?.get('from')).toBe('2026-10-01');
    expect(requests[0]?.get('to')).toBe('2026-10-31');

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Buyer' }), buyerPartner.name);
    await waitFor(() => expect(requests.at(-1)?.get('buyerId')).toBe(buyerPartner.id));
    expect(screen.getByTestId('location')).toHaveTextContent(`buyerId=${buyerPartner.id}`);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Product' }), 'Cocoa beans');
    await waitFor(() => expect(requests.at(-1)?.get('productCode')).toBe('cocoa_beans'));
  });

  it('asks for monthly trends when months are chosen', async () => {
    const granularities: (string | null)[] = [];
    server.use(
      http.get('/api/analytics/trends', ({ request }) => {
        granularities.push(new URL(request.url).searchParams.get('granularity'));
        return HttpResponse.json(analyticsTrends);
      }),
    );
    const { user } = renderPage();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Trend buckets' }), 'Months');
    await waitFor(() => expect(granularities.at(-1)).toBe('month'));
  });

  it('shows the problem when the figures cannot be loaded', async () => {
    server.use(
      http.get('/api/analytics/summary', () =>
        problem(400, 'validation', 'The request has invalid fields.', {
          errors: [{ field: 'from', message: 'must not be after to' }],
        }),
      ),
    );
    renderPage('/analytics?from=2026-12-01&to=2026-11-01');
    expect(await screen.findByText(/must not be after to/)).toBeInTheDocument();
  });
});
