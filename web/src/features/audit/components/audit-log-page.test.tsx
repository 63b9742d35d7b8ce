import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/api/session';
import { auditEntries, auditPage } from '@/testing/audit-fixtures';
import { problem } from '@/testing/http';
import { LocationProbe, renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { AuditLogPage } from './audit-log-page';

function renderPage(route = '/admin/audit-log') {
  return renderWithProviders(
    <>
      <AuditLogPage />
      <LocationProbe />
    </>,
    { route },
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('AuditLogPage', () => {
  it('lists entries with actor, action, object, result, address and request id', async () => {
    renderPage();
    const table = await screen.findByRole('region', { name: 'Audit log entries' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('ada.admin@vibotaj.example');
    expect(rows[1]).toHaveTextContent('PUT /api/organization/settings');
    expect(rows[1]).toHaveTextContent('200 ok');
    expect(rows[1]).toHaveTextContent('203.0.113.7');
    expect(rows[1]).toHaveTextContent('req-settings-1');
    expect(rows[2]).toHaveTextContent('403 denied');
    expect(rows[2]).toHaveTextContent('5b3c0000-0000-4000-8000-000000000001');
    expect(rows[3]).toHaveTextContent('System');
    expect(rows[3]).toHaveTextContent('in_transit → arrived (tracking)');
    expect(screen.getByText('3 entries')).toBeInTheDocument();
  });

  it('sends the filters to the API and keeps them in the URL', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get('/api/audit-log', ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        return HttpResponse.json(query.get('result') === 'denied' ? auditPage([auditEntries[1]!]) : auditPage());
      }),
    );
    const { user } = renderPage();
    await screen.findByRole('region', { name: 'Audit log entries' });
    await user.type(screen.getByLabelText('Actor (e-mail or user id)'), 'lou.logistics@vibotaj.example');
    await user.type(screen.getByLabelText('Object type'), 'shipment');
    await user.selectOptions(screen.getByLabelText('Result'), 'denied');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(screen.getByText('1 entry')).toBeInTheDocument());
    const last = queries.at(-1)!;
    expect(last.get('actor')).toBe('lou.logistics@vibotaj.example');
    expect(last.get('objectType')).toBe('shipment');
    expect(last.get('result')).toBe('denied');
    expect(last.get('page')).toBe('0');
    expect(last.get('size')).toBe('50');
    expect(last.has('action')).toBe(false);
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/admin/audit-log?actor=lou.logistics%40vibotaj.example&objectType=shipment&result=denied',
    );
  });

  it('sends the time range as instants', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get('/api/audit-log', ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json(auditPage());
      }),
    );
    renderPage('/admin/audit-log?from=2026-11-01T00:00&to=2026-11-02T00:00');
    await screen.findByRole('region', { name: 'Audit log entries' });
    expect(queries[0]!.get('from')).toBe(new Date('2026-11-01T00:00').toISOString());
    expect(queries[0]!.get('to')).toBe(new Date('2026-11-02T00:00').toISOString());
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-01T00:00');
  });

  it('pages through the log and says when the count is capped', async () => {
    const pages: string[] = [];
    server.use(
      http.get('/api/audit-log', ({ request }) => {
        const page = new URL(request.url).searchParams.get('page') ?? '0';
        pages.push(page);
        return HttpResponse.json(
          auditPage(page === '0' ? auditEntries.slice(0, 2) : auditEntries.slice(2), {
            page: Number(page),
            totalItems: 10000,
            totalCapped: true,
            totalPages: 200,
          }),
        );
      }),
    );
    const { user } = renderPage();
    expect(
      await screen.findByText('More than 10,000 entries: narrow the time range to page further back.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Page 2 of 200')).toBeInTheDocument());
    expect(pages).toEqual(['0', '1']);
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/audit-log?page=1');
  });

  it('shows the problem when the search is refused', async () => {
    server.use(
      http.get('/api/audit-log', () =>
        problem(400, 'validation', 'result: must be a status code (e.g. 403) or one of success, failure, denied'),
      ),
    );
    renderPage('/admin/audit-log?result=maybe');
    expect(await screen.findByText('The audit log could not be loaded')).toBeInTheDocument();
    expect(screen.getByText(/must be a status code/)).toBeInTheDocument();
  });

  it('exports the filtered log as CSV with the session token', async () => {
    let exported: URLSearchParams | null = null;
    let authorization: string | null = null;
    server.use(
      http.get('/api/audit-log/export', ({ request }) => {
        exported = new URL(request.url).searchParams;
        authorization = request.headers.get('Authorization');
        return new HttpResponse('time,actor_user_id\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="audit-log.csv"' },
        });
      }),
    );
    session.start('access-audit');
    const createObjectURL = vi.fn(() => 'blob:audit');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderPage('/admin/audit-log?result=failure');
    await screen.findByRole('region', { name: 'Audit log entries' });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(exported!.get('result')).toBe('failure');
    expect(authorization).toBe('Bearer access-audit');
    expect(createObjectURL).toHaveBeenCalled();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:audit');
  });

  it('tells when the export is refused', async () => {
    server.use(
      http.get('/api/audit-log/export', () =>
        problem(400, 'validation', 'from: an export holds at most 200000 entries; narrow the search'),
      ),
    );
    const { user } = renderPage();
    await screen.findByRole('region', { name: 'Audit log entries' });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('The export could not be made')).toBeInTheDocument();
    expect(screen.getByText(/at most 200000 entries/)).toBeInTheDocument();
  });
});
