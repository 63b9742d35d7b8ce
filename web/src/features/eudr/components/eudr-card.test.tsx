import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api/types';
import {
  ddsReference,
  invalidReport,
  notApplicableEudr,
  openRingGeoJson,
  originsSaved,
  polygonOriginId,
  repairableReport,
  shipmentEudr,
} from '@/testing/eudr-fixtures';
import { problem } from '@/testing/http';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentId } from '@/testing/shipment-fixtures';

import type { DdsReference } from '../model/types';

import { DdsLedger } from './dds-ledger';
import { EudrCard } from './eudr-card';

const eudrUrl = `/api/shipments/${shipmentId}/eudr`;
const lines = [
  { position: 1, label: '1801.00 Raw cocoa beans' },
  { position: 2, label: '1801.00 Cocoa beans, grade II' },
];

function card() {
  return renderWithProviders(<EudrCard shipmentId={shipmentId} shipmentReference="VIBO-2026-014" lines={lines} />);
}

/** The server decides what the caller may do; the card offers exactly that. */
function serveWithActions(actions: string[]) {
  server.use(http.get(eudrUrl, () => HttpResponse.json({ ...shipmentEudr, ddsReferences: [ddsReference], actions } satisfies Schemas['EudrView'])));
}

describe('EudrCard', () => {
  it('says "EUDR not applicable" for a product outside Annex I, with no plot editor', async () => {
    server.use(http.get(eudrUrl, () => HttpResponse.json(notApplicableEudr)));
    card();
    expect(await screen.findByText(/EUDR not applicable/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import plots' })).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Map of the plots' })).not.toBeInTheDocument();
  });

  it('shows status, risk, checklist and plots as points and polygons, invalid ones marked without relying on colour', async () => {
    card();
    expect(await screen.findByTestId('eudr-status')).toHaveTextContent('Incomplete');
    expect(screen.getByTestId('eudr-risk')).toHaveTextContent('Standard risk');
    const checklist = within(screen.getByRole('list', { name: 'EUDR checklist' })).getAllByRole('listitem');
    expect(checklist.map((item) => item.getAttribute('data-state'))).toEqual(['satisfied', 'failed', 'missing', 'pending']);
    expect(checklist[1]).toHaveTextContent('Failed: Okafor plot was produced before the cut-off.');
    expect(checklist[2]).toHaveTextContent('Missing: No producer named for one plot.');
    // Not due before arrival: shown as such, not as missing.
    expect(checklist[3]).toHaveTextContent('Not due yet: The buyer records the DDS reference before customs clearance.');
    const map = screen.getByRole('img', { name: 'Map of the plots' });
    const plots = within(map).getAllByTestId('plot');
    expect(plots.map((p) => [p.getAttribute('data-kind'), p.getAttribute('data-valid')])).toEqual([
      ['point', 'true'],
      ['polygon', 'false'],
    ]);
    expect(plots[1]).toHaveTextContent('✕');
    expect(map).toHaveAccessibleDescription(/Low risk.*Standard risk.*High risk.*Invalid plot/);
    const rows = within(screen.getByRole('table', { name: 'Plots' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Adeyemi farm (point)');
    expect(rows[1]).toHaveTextContent('3.2');
    expect(rows[1]).toHaveTextContent('2026-03-15');
    expect(rows[2]).toHaveTextContent('Okafor plot (polygon)');
    // No declared area: the computed one.
    expect(rows[2]).toHaveTextContent('11.4');
    expect(rows[2]).toHaveTextContent('No: Production started before the 2020-12-31 cut-off');
    expect(rows[2]).toHaveTextContent('2020-10-01 – 2021-02-28');
  });

  it('deletes a plot; a caller whose actions allow nothing gets no import, delete, package or DDS recording', async () => {
    let deleted: string | null = null;
    server.use(
      http.delete(`${eudrUrl}/origins/:originId`, ({ params }) => {
        deleted = params['originId'] as string;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, unmount } = card();
    await user.click(await screen.findByRole('button', { name: 'Delete Okafor plot' }));
    await waitFor(() => expect(deleted).toBe(polygonOriginId));
    unmount();
    serveWithActions([]);
    card();
    await screen.findByRole('table', { name: 'Plots' });
    for (const name of ['Import plots', 'Delete Okafor plot', 'Download DDS package', 'Record a DDS reference', 'Amend 26NLRTM0000123']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('offers a buyer (download_package, record_dds) the package and the DDS ledger but no plot editing', async () => {
    serveWithActions(['download_package', 'record_dds']);
    card();
    expect(await screen.findByRole('button', { name: 'Download DDS package' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record a DDS reference' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import plots' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Okafor plot' })).not.toBeInTheDocument();
  });

  it('validates pasted GeoJSON, shows issues by feature and position, and saves only after the repairs are accepted', async () => {
    const validated: string[] = [];
    const saved: unknown[] = [];
    server.use(
      http.post('/api/eudr/geojson/validate', async ({ request }) => {
        validated.push(await request.text());
        return HttpResponse.json(repairableReport);
      }),
      http.post(`${eudrUrl}/origins`, async ({ request }) => {
        saved.push(await request.json());
        return HttpResponse.json(originsSaved(), { status: 201 });
      }),
    );
    const { user } = card();
    await user.click(await screen.findByRole('button', { name: 'Import plots' }));
    const importer = within(screen.getByRole('region', { name: 'Import plots' }));
    await user.click(importer.getByLabelText('GeoJSON'));
    await user.paste(openRingGeoJson);
    await user.click(importer.getByRole('button', { name: 'Validate' }));

    const report = within(await importer.findByRole('region', { name: 'Validation report' }));
    expect(validated).toEqual([openRingGeoJson]);
    const issues = report.getAllByRole('listitem').filter((item) => item.closest('ul')?.getAttribute('aria-label') === 'Issues');
    expect(issues[0]).toHaveTextContent('Error');
    // The server numbers features from 1.
    expect(issues[0]).toHaveTextContent('Feature 1 at ring 1: The polygon ring is not closed.');
    expect(issues[1]).toHaveTextContent('Advisory');
    expect(report.getByRole('list', { name: 'Repairs' })).toHaveTextContent('Feature 1: Append the first position to close the ring.');
    expect(report.getByTestId('repaired-preview')).toHaveTextContent('5.123457');
    expect(importer.queryByRole('button', { name: 'Save plots' })).not.toBeInTheDocument();
    expect(importer.getByText('Accept the repairs to save these plots.')).toBeInTheDocument();

    await user.click(report.getByLabelText('Accept the repairs'));
    await user.click(importer.getByRole('button', { name: 'Save plots' }));
    expect(importer.getByRole('alert')).toHaveTextContent('Choose the product lines these plots supplied.');
    await user.click(importer.getByLabelText('2. 1801.00 Cocoa beans, grade II'));
    await user.click(importer.getByLabelText('A period'));
    await user.type(importer.getByLabelText('Production start'), '2026-01-10');
    await user.type(importer.getByLabelText('Production end'), '2026-03-31');
    await user.click(importer.getByRole('button', { name: 'Save plots' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      geojson: JSON.parse(openRingGeoJson) as unknown,
      linePositions: [2],
      acceptRepairs: true,
      productionStart: '2026-01-10',
      productionEnd: '2026-03-31',
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Import plots' })).not.toBeInTheDocument());
  });

  it('offers no save for GeoJSON that cannot be repaired, and catches text that is not JSON', async () => {
    server.use(http.post('/api/eudr/geojson/validate', () => HttpResponse.json(invalidReport)));
    const { user } = card();
    await user.click(await screen.findByRole('button', { name: 'Import plots' }));
    const importer = within(screen.getByRole('region', { name: 'Import plots' }));
    await user.type(importer.getByLabelText('GeoJSON'), 'not json');
    await user.click(importer.getByRole('button', { name: 'Validate' }));
    expect(importer.getByText(/This is not JSON/)).toBeInTheDocument();
    await user.clear(importer.getByLabelText('GeoJSON'));
    await user.click(importer.getByLabelText('GeoJSON'));
    await user.paste('{"type":"FeatureCollection","features":[]}');
    await user.click(importer.getByRole('button', { name: 'Validate' }));
    expect(await importer.findByText('Feature 2 at vertex 1:')).toBeInTheDocument();
    expect(importer.getByText('✕ The GeoJSON is not valid.')).toBeInTheDocument();
    expect(importer.queryByRole('button', { name: 'Save plots' })).not.toBeInTheDocument();
  });
});

describe('EudrCard: the server refuses the save', () => {
  it('lists the issues of a 422 eudr-geojson-invalid (the server validates again when saving)', async () => {
    const issues: Schemas['Issue'][] = [
      { code: 'open-ring', severity: 'error', feature: 1, position: 'ring 1', message: 'The polygon ring is not closed.', repairable: true },
    ];
    server.use(
      http.post('/api/eudr/geojson/validate', () => HttpResponse.json({ valid: true, issues: [], repairs: [], plots: [] } satisfies Schemas['GeoJsonReport'])),
      http.post(`${eudrUrl}/origins`, () =>
        HttpResponse.json(
          {
            type: 'https://tracehub.vibotaj.com/problems/eudr-geojson-invalid',
            title: 'Invalid plot geolocation',
            status: 422,
            detail: 'The GeoJSON has 1 error(s) the EU Information System would reject; nothing was saved.',
            issues,
            repairs: [],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = card();
    await user.click(await screen.findByRole('button', { name: 'Import plots' }));
    const importer = within(screen.getByRole('region', { name: 'Import plots' }));
    await user.click(importer.getByLabelText('GeoJSON'));
    await user.paste(openRingGeoJson);
    await user.click(importer.getByRole('button', { name: 'Validate' }));
    await user.click(await importer.findByLabelText('1. 1801.00 Raw cocoa beans'));
    await user.type(importer.getByLabelText('Production date'), '2026-03-01');
    await user.click(importer.getByRole('button', { name: 'Save plots' }));
    const refused = await importer.findByRole('list', { name: 'Issues found when saving' });
    expect(refused).toHaveTextContent('Feature 1 at ring 1: The polygon ring is not closed.');
    expect(importer.getByRole('alert')).toHaveTextContent('nothing was saved');
  });

  it('shows a 403 forbidden from the server as a problem', async () => {
    server.use(http.delete(`${eudrUrl}/origins/:originId`, () => problem(403, 'forbidden', 'Only the exporter or the supplier may remove plots.')));
    const { user } = card();
    await user.click(await screen.findByRole('button', { name: 'Delete Okafor plot' }));
    expect(await screen.findByText('Only the exporter or the supplier may remove plots.')).toBeInTheDocument();
  });
});

describe('DdsLedger', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const open: DdsReference = {
    ...ddsReference,
    id: 'd1',
    referenceNumber: '26DEABC123456',
    verificationNumber: 'VX7Q2P',
    filedAt: '2026-11-28T09:00:00Z',
    recordedAt: '2026-11-28T10:00:00Z',
    amendableUntil: '2026-12-01T09:00:00Z',
    amendable: true,
  };
  const closed: DdsReference = {
    ...open,
    id: 'd0',
    referenceNumber: '26DEOLD000001',
    filedAt: '2026-11-20T09:00:00Z',
    amendableUntil: '2026-11-23T09:00:00Z',
    amendable: false,
  };
  /** What a `datetime-local` input shows for an instant, in the test machine's time zone. */
  const local = (instant: string) => {
    const d = new Date(instant);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };

  it('shows the amend window and offers Amend only within it', async () => {
    const amended: unknown[] = [];
    server.use(
      http.put(`/api/shipments/${shipmentId}/eudr/dds-references/d1`, async ({ request }) => {
        amended.push(await request.json());
        return HttpResponse.json({ ...open, amendedAt: '2026-11-29T12:00:00Z' } satisfies Schemas['DdsView']);
      }),
    );
    const { user } = renderWithProviders(<DdsLedger shipmentId={shipmentId} references={[open, closed]} canRecord now={now} />);
    const windows = screen.getAllByTestId('amend-window');
    expect(windows[0]).toHaveTextContent('Amendable until');
    expect(windows[1]).toHaveTextContent('Amend window closed');
    expect(screen.queryByRole('button', { name: 'Amend 26DEOLD000001' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Amend 26DEABC123456' }));
    const form = within(screen.getByRole('form', { name: 'Save amendment' }));
    expect(form.getByLabelText('Filed at')).toHaveValue(local('2026-11-28T09:00:00Z'));
    await user.clear(form.getByLabelText('Verification number'));
    await user.type(form.getByLabelText('Verification number'), 'VX7Q2R');
    await user.click(form.getByRole('button', { name: 'Save amendment' }));
    // filedAt is an instant (it starts the 72 h window), sent as ISO 8601 UTC.
    await waitFor(() => expect(amended).toEqual([{ referenceNumber: '26DEABC123456', verificationNumber: 'VX7Q2R', filedAt: '2026-11-28T09:00:00.000Z' }]));
  });

  it('records a new reference (all three fields required); buyers without the right see the ledger only', async () => {
    const recorded: unknown[] = [];
    server.use(
      http.post(`/api/shipments/${shipmentId}/eudr/dds-references`, async ({ request }) => {
        recorded.push(await request.json());
        return HttpResponse.json(ddsReference, { status: 201 });
      }),
    );
    const { user, unmount } = renderWithProviders(<DdsLedger shipmentId={shipmentId} references={[]} canRecord now={now} />);
    await user.click(screen.getByRole('button', { name: 'Record a DDS reference' }));
    const form = within(screen.getByRole('form', { name: 'Record reference' }));
    await user.click(form.getByRole('button', { name: 'Record reference' }));
    expect(await form.findByText('Enter the DDS reference number.')).toBeInTheDocument();
    expect(form.getByText('Enter when the DDS was filed.')).toBeInTheDocument();
    await user.type(form.getByLabelText('DDS reference number'), '26DENEW000002');
    await user.type(form.getByLabelText('Verification number'), 'AB12CD');
    fireEvent.change(form.getByLabelText('Filed at'), { target: { value: '2026-11-29T10:30' } });
    await user.click(form.getByRole('button', { name: 'Record reference' }));
    await waitFor(() =>
      expect(recorded).toEqual([{ referenceNumber: '26DENEW000002', verificationNumber: 'AB12CD', filedAt: new Date('2026-11-29T10:30').toISOString() }]),
    );
    unmount();

    renderWithProviders(<DdsLedger shipmentId={shipmentId} references={[open]} canRecord={false} now={now} />);
    expect(screen.getByText('26DEABC123456')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Amend|Record/ })).not.toBeInTheDocument();
  });
});
