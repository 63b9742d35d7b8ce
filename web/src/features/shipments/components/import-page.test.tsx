import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import type { ImportReport } from '../api/import-types';

import { ImportPage } from './import-page';

const csv = 'reference,productType,containers\nVIBO-1,cocoa_beans,CSQU3054383\nVIBO-2,cocoa_beans,TBD\n';

const dryRun: ImportReport = {
  dryRun: true,
  totalRows: 2,
  validRows: 1,
  invalidRows: 1,
  imported: 0,
  rows: [
    { row: 2, reference: 'VIBO-1', valid: true, errors: [] },
    {
      row: 3,
      reference: 'VIBO-2',
      valid: false,
      errors: [{ field: 'containers', message: 'TBD is a placeholder, not a container number' }],
    },
  ],
};

interface Call {
  dryRun: string | null;
  skipInvalid: string | null;
  contentType: string | null;
  body: string;
}

function importEndpoint(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  server.use(
    http.post('/api/shipments/import', async ({ request }) => {
      const url = new URL(request.url);
      const call = {
        dryRun: url.searchParams.get('dryRun'),
        skipInvalid: url.searchParams.get('skipInvalid'),
        contentType: request.headers.get('Content-Type'),
        body: await request.text(),
      };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

async function chooseAndCheck(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.upload(screen.getByLabelText('CSV file'), new File([csv], 'shipments.csv', { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: 'Check file' }));
  return screen.findByRole('table', { name: 'Rows of the file' });
}

describe('ImportPage', () => {
  it('checks the file as a dry run and shows every row with its errors', async () => {
    const calls = importEndpoint(() => HttpResponse.json(dryRun));
    const { user } = renderWithProviders(<ImportPage />);
    expect(screen.getByRole('button', { name: 'Check file' })).toBeDisabled();

    const table = await chooseAndCheck(user);

    expect(calls).toEqual([{ dryRun: 'true', skipInvalid: 'false', contentType: 'text/csv', body: csv }]);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('VIBO-1')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Valid')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('3VIBO-2containers: TBD is a placeholder, not a container number');
    expect(screen.getByText('2 rows: 1 valid, 1 with errors.')).toBeInTheDocument();
  });

  it('keeps Import disabled while rows are invalid, until skipping them is chosen, then imports', async () => {
    const calls = importEndpoint((call) =>
      call.dryRun === 'true'
        ? HttpResponse.json(dryRun)
        : HttpResponse.json({ ...dryRun, dryRun: false, imported: 1 } satisfies ImportReport),
    );
    const { user } = renderWithProviders(<ImportPage />);
    await chooseAndCheck(user);

    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: /Skip invalid rows/ }));
    expect(importButton).toBeEnabled();
    await user.click(importButton);

    expect(await screen.findByText('Imported 1 shipment.')).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({ dryRun: 'false', skipInvalid: 'true', body: csv });
  });

  it('enables Import straight away when every row is valid', async () => {
    importEndpoint(() => HttpResponse.json({ ...dryRun, validRows: 2, invalidRows: 0, rows: [dryRun.rows[0]!] }));
    const { user } = renderWithProviders(<ImportPage />);
    await chooseAndCheck(user);

    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
    expect(screen.queryByRole('checkbox', { name: /Skip invalid rows/ })).not.toBeInTheDocument();
  });

  it('shows the problem detail when the file is refused', async () => {
    importEndpoint(() => problem(413, 'payload-too-large', 'The file is larger than 5 MB.'));
    const { user } = renderWithProviders(<ImportPage />);
    await user.upload(screen.getByLabelText('CSV file'), new File([csv], 'shipments.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Check file' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The file is larger than 5 MB.'));
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
  });
});
