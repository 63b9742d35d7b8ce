import { useState } from 'react';

import { Badge, Button, Card, ProblemAlert, Spinner, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { formatNumber } from '@/lib/format';

import { downloadDdsPackage, useDeleteOrigin, useEudr } from '../api/eudr';
import { riskLabels } from '../model/plot-map';
import type { EudrStatus, LineOption, Origin, RiskLevel } from '../model/types';

import { DdsLedger } from './dds-ledger';
import { GeoJsonImport } from './geojson-import';
import { PlotMap } from './plot-map';

export interface EudrCardProps {
  shipmentId: string;
  shipmentReference: string;
  lines: readonly LineOption[];
  /** eudr:manage or eudr:origins-submit: import and delete plots. */
  canManageOrigins: boolean;
  /** eudr:dds-record: record and amend DDS references. */
  canRecordDds: boolean;
  /** Owner organisation or buyer: the DDS package. */
  canDownloadPackage: boolean;
}

const statusBadges: Record<EudrStatus, { label: string; tone: 'green' | 'amber' | 'red' | 'grey' }> = {
  passed: { label: 'Passed', tone: 'green' },
  incomplete: { label: 'Incomplete', tone: 'amber' },
  failed: { label: 'Failed', tone: 'red' },
  not_applicable: { label: 'Not applicable', tone: 'grey' },
};
const riskTones: Record<RiskLevel, 'green' | 'amber' | 'red'> = { low: 'green', standard: 'amber', high: 'red' };

function production(origin: Origin) {
  if (origin.productionDate) return origin.productionDate;
  if (origin.productionStart || origin.productionEnd) return `${origin.productionStart ?? '?'} – ${origin.productionEnd ?? '?'}`;
  return '—';
}

/** EUDR for Annex I products: assessment, checklist, plots on the map, GeoJSON import, DDS package and ledger. */
export function EudrCard({ shipmentId, shipmentReference, lines, canManageOrigins, canRecordDds, canDownloadPackage }: EudrCardProps) {
  const eudr = useEudr(shipmentId);
  const remove = useDeleteOrigin(shipmentId);
  const [importing, setImporting] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  if (eudr.isPending) return <Card title="EUDR"><Spinner label="Loading EUDR…" /></Card>;
  if (eudr.isError) return <Card title="EUDR"><ProblemAlert error={eudr.error} title="EUDR could not be loaded" /></Card>;
  const data = eudr.data;
  if (!data.applicable) {
    return (
      <Card title="EUDR">
        <p className="text-sm text-slate-800">EUDR not applicable: this product is not listed in Annex I of Regulation (EU) 2023/1115.</p>
      </Card>
    );
  }
  const status = statusBadges[data.status];
  return (
    <Card title="EUDR">
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="eudr-status">
            <Badge tone={status.tone}>{status.label}</Badge>
          </span>
          {data.riskLevel && (
            <span data-testid="eudr-risk">
              <Badge tone={riskTones[data.riskLevel]}>{riskLabels[data.riskLevel]}</Badge>
            </span>
          )}
        </div>
        {data.checklist.length > 0 && (
          <ul aria-label="EUDR checklist" className="space-y-1 text-sm">
            {data.checklist.map((item) => (
              <li key={item.code} data-satisfied={item.satisfied} className={item.satisfied ? 'text-slate-800' : 'text-red-900'}>
                <span aria-hidden="true">{item.satisfied ? '✓ ' : '✕ '}</span>
                <span className="sr-only">{item.satisfied ? 'Done: ' : 'Missing: '}</span>
                {item.message}
              </li>
            ))}
          </ul>
        )}
        <PlotMap origins={data.origins} />
        {data.origins.length === 0 ? (
          <p className="text-sm text-slate-700">No plots yet.</p>
        ) : (
          <Table caption="Plots">
            <THead>
              <Tr>
                <Th>Plot</Th>
                <Th>Country</Th>
                <Th>Area (ha)</Th>
                <Th>Production</Th>
                <Th>Lines</Th>
                <Th>Risk</Th>
                <Th>Valid</Th>
                {canManageOrigins && <Th>Actions</Th>}
              </Tr>
            </THead>
            <TBody>
              {data.origins.map((origin, index) => (
                <Tr key={origin.id}>
                  <Td>
                    {origin.name ?? `Plot ${index + 1}`} <span className="text-xs text-slate-600">({origin.geometry.type === 'Point' ? 'point' : 'polygon'})</span>
                  </Td>
                  <Td>{origin.countryCode}</Td>
                  <Td>{formatNumber(origin.areaHa)}</Td>
                  <Td>{production(origin)}</Td>
                  <Td>{origin.linePositions.join(', ')}</Td>
                  <Td>{riskLabels[origin.riskLevel]}</Td>
                  <Td>{origin.valid ? 'Yes' : `No: ${origin.problems.join('; ')}`}</Td>
                  {canManageOrigins && (
                    <Td>
                      <Button
                        variant="danger"
                        size="sm"
                        aria-label={`Delete ${origin.name ?? `plot ${index + 1}`}`}
                        loading={remove.isPending && remove.variables === origin.id}
                        onClick={() => remove.mutate(origin.id)}
                      >
                        Delete
                      </Button>
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {remove.isError && <ProblemAlert error={remove.error} title="The plot was not deleted" />}
        <div className="flex flex-wrap gap-2">
          {canManageOrigins && !importing && (
            <Button variant="secondary" onClick={() => setImporting(true)}>
              Import plots
            </Button>
          )}
          {canDownloadPackage && (
            <Button
              variant="secondary"
              disabled={data.origins.length === 0}
              onClick={() => {
                setDownloadError(null);
                downloadDdsPackage(shipmentId, `dds-package-${shipmentReference}.geojson`).catch(setDownloadError);
              }}
            >
              Download DDS package
            </Button>
          )}
        </div>
        {downloadError !== null && <ProblemAlert error={downloadError} title="The DDS package could not be downloaded" />}
        {importing && <GeoJsonImport shipmentId={shipmentId} lines={lines} onDone={() => setImporting(false)} />}
        <DdsLedger shipmentId={shipmentId} references={data.ddsReferences} canRecord={canRecordDds} />
      </div>
    </Card>
  );
}
