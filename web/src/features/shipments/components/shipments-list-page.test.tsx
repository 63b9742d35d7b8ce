import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';

import { problem } from '@/testing/http';
import { LocationProbe, renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { buyerPartner, shipmentPage, shipmentSummaries } from '@/testing/shipment-fixtures';

import { ShipmentsListPage } from './shipments-list-page';

/** Serves the list and records the query string of every request. */
function recordListRequests(respond = () => HttpResponse.json(shipmentPage(shipmentSummaries))) {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get('/api/shipments', ({ request }) => {
      requests.push(new URL(request.url).searchParams);
      return respond();
    }),
  );
  return requests;
}

/** Stands in for the browser's back button. */
function BackButton() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate(-1)}>
      Browser back
    </button>
  );
}

function renderList(route = '/shipments', canWrite = true) {
  return renderWithProviders(
    <>
      <ShipmentsListPage canWrite={canWrite} />
      <LocationProbe />
      <BackButton />
    </>,
    { route },
  );
}

const location = () => new URL(screen.getByTestId('location').textContent, 'http://localhost');

describe('ShipmentsListPage', () => {
  it('lists shipments in a table with status and needs-attention badges', async () => {
    recordListRequests();
    renderList();

    const table = await screen.findByRole('table', { name: 'Shipments' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + shipmentSummaries.length);
    const first = within(rows[1]!);
    expect(first.getByRole('link', { name: 'VIBO-2026-014' })).toHaveAttribute('href', `/shipments/${shipmentSummaries[0]!.id}`);
    expect(first.getByText('In transit')).toBeInTheDocument();
    expect(first.getByText('ETA slipped')).toBeInTheDocument();
    expect(first.getByText('Customs hold')).toBeInTheDocument();
    expect(first.getByText('NGAPP → DEHAM')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Draft')).toBeInTheDocument();
    expect(within(rows[2]!).queryByRole('list', { name: 'Needs attention' })).not.toBeInTheDocument();
    expect(screen.getByText('2 shipments')).toBeInTheDocument();
  });

  it('sends the filters of a linked URL to the API', async () => {
    const requests = recordListRequests();
    renderList(`/shipments?q=CSQU&status=in_transit&status=arrived&buyer=${buyerPartner.id}&portOfLoading=NGAPP&etaFrom=2026-12-01&etaTo=2026-12-31&needsAttention=true&sort=-eta&page=2`);

    await screen.findByRole('table', { name: 'Shipments' });
    const sent = requests.at(-1)!;
    expect(sent.get('q')).toBe('CSQU');
    expect(sent.getAll('status')).toEqual(['in_transit', 'arrived']);
    expect(sent.get('buyer')).toBe(buyerPartner.id);
    expect(sent.get('portOfLoading')).toBe('NGAPP');
    expect(sent.get('etaFrom')).toBe('2026-12-01T00:00:00Z');
    expect(sent.get('etaTo')).toBe('2026-12-31T23:59:59Z');
    expect(sent.get('needsAttention')).toBe('true');
    expect(sent.get('sort')).toBe('-eta');
    expect(sent.get('page')).toBe('1');
    expect(screen.getByLabelText('Search shipments')).toHaveValue('CSQU');
    expect(screen.getByRole('checkbox', { name: 'In transit' })).toBeChecked();
  });

  it('writes search and filters to the URL and requests them, starting again at page 1', async () => {
    const requests = recordListRequests();
    const { user } = renderList('/shipments?page=3');
    await screen.findByRole('table', { name: 'Shipments' });

    await user.type(screen.getByLabelText('Search shipments'), 'maersk');
    await waitFor(() => expect(location().searchParams.get('q')).toBe('maersk'));
    expect(location().searchParams.get('page')).toBeNull();
    await waitFor(() => expect(requests.at(-1)!.get('q')).toBe('maersk'));
    // Debounced: not one request per keystroke.
    expect(requests.filter((r) => r.get('q') !== null).length).toBeLessThanOrEqual(2);

    await user.click(screen.getByRole('checkbox', { name: 'Arrived' }));
    await user.selectOptions(await screen.findByLabelText('Buyer'), buyerPartner.name);
    await user.click(screen.getByRole('checkbox', { name: 'Needs attention only' }));

    await waitFor(() => {
      const sent = requests.at(-1)!;
      expect(sent.getAll('status')).toEqual(['arrived']);
      expect(sent.get('buyer')).toBe(buyerPartner.id);
      expect(sent.get('needsAttention')).toBe('true');
      expect(sent.get('q')).toBe('maersk');
    });
    const url = location().searchParams;
    expect(url.getAll('status')).toEqual(['arrived']);
    expect(url.get('buyer')).toBe(buyerPartner.id);
    expect(url.get('needsAttention')).toBe('true');
  });

  it('goes back to the previous filters, search text included, with the back button', async () => {
    const requests = recordListRequests();
    const { user } = renderList('/shipments?q=VIBO&status=draft');
    await screen.findByRole('table', { name: 'Shipments' });

    await user.click(screen.getByRole('checkbox', { name: 'Arrived' }));
    await waitFor(() => expect(location().searchParams.getAll('status')).toEqual(['draft', 'arrived']));
    await user.clear(screen.getByLabelText('Search shipments'));
    await waitFor(() => expect(location().searchParams.get('q')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() => expect(screen.getByLabelText('Search shipments')).toHaveValue('VIBO'));
    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Arrived' })).not.toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Draft' })).toBeChecked();
    expect(location().search).toBe('?q=VIBO&status=draft');
    // That list was fetched already and is still fresh, so it comes from the cache, not a new request.
    expect(requests.map((r) => r.toString())).toContain('q=VIBO&status=draft&sort=eta&page=0&size=25');
  });

  it('pages through results with the page in the URL', async () => {
    const requests = recordListRequests(() => HttpResponse.json(shipmentPage(shipmentSummaries, 60, 3)));
    const { user } = renderList();

    await user.click(await screen.findByRole('button', { name: 'Next' }));

    await waitFor(() => expect(location().searchParams.get('page')).toBe('2'));
    await waitFor(() => expect(requests.at(-1)!.get('page')).toBe('1'));
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
  });

  it('offers New shipment and Import CSV only to users who may write', async () => {
    recordListRequests();
    renderList('/shipments', false);
    await screen.findByRole('table', { name: 'Shipments' });
    expect(screen.queryByRole('link', { name: 'New shipment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import CSV' })).not.toBeInTheDocument();
  });

  it('shows New shipment and Import CSV to writers', async () => {
    recordListRequests();
    renderList('/shipments', true);
    expect(await screen.findByRole('link', { name: 'New shipment' })).toHaveAttribute('href', '/shipments/new');
    expect(screen.getByRole('link', { name: 'Import CSV' })).toHaveAttribute('href', '/shipments/import');
  });

  it('says so when nothing matches', async () => {
    recordListRequests(() => HttpResponse.json(shipmentPage([], 0, 0)));
    renderList('/shipments?q=nothing');
    expect(await screen.findByText('No shipments match these filters.')).toBeInTheDocument();
  });

  it('shows the problem detail when the list fails', async () => {
    server.use(http.get('/api/shipments', () => problem(400, 'validation', 'The port of loading is not a UN/LOCODE.')));
    renderList('/shipments');
    expect(await screen.findByRole('alert')).toHaveTextContent('The port of loading is not a UN/LOCODE.');
  });
});
