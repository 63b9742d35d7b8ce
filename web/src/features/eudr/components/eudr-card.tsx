import { useState } from 'react';

import { Badge, Button, Card, ProblemAlert, Spinner, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { formatNumber } from '@/lib/format';

import { downloadDdsPackage, useDeleteOrigin, useEudr } from '../api/eudr';
import { riskLabels } from '../model/plot-map';
import type { EudrAction, EudrStatus, LineOption, Origin, RiskLevel } from '../model/types';

import { DdsLedger } from './dds-ledger';
import { GeoJsonImport } from './geojson-import';
import { PlotMap, plotName } from './plot-map';

export interface EudrCardProps {
  shipmentId: string;
  shipmentReference: string;
  lines: readonly LineOption[];
}

const statusBadges: Record<EudrStatus, { label: string; tone: 'green' | 'amber' | 'red' | 'grey' }> = {
  passed: { label: 'Passed', tone: 'green' },
  incomplete: { label: 'Incomplete', tone: 'amber' },
  failed: { label: 'Failed', tone: 'red' },
  not_applicable: { label: 'Not applicable', tone: 'grey' },
};
/** `ChecklistItem.state`: pending (not due yet) does not hold the assessment back, so it is not shown as missing. */
const checklistStates: Partial<Record<string, { mark: string; word: string; className: string }>> = {
  satisfied: { mark: '✓ ', word: 'Done: ', className: 'text-slate-800' },
  missing: { mark: '✕ ', word: 'Missing: ', className: 'text-red-900' },
  failed: { mark: '✕ ', word: 'Failed: ', className: 'text-red-900' },
  pending: { mark: '… ', word: 'Not due yet: ', className: 'text-slate-700' },
};
const riskTones: Record<RiskLevel, 'green' | 'amber' | 'red'> = { low: 'green', standard: 'amber', high: 'red' };

function production(origin: Origin) {
  if (origin.productionStart && origin.productionStart === origin.productionEnd) return origin.productionStart;
  if (origin.productionStart || origin.productionEnd) return `${origin.productionStart ?? '?'} – ${origin.productionEnd ?? '?'}`;
  return '—';
}

/**
 * EUDR for Annex I products: assessment, checklist, plots on the map, GeoJSON import, DDS package and ledger.
 * What the caller may do comes from the server's `actions` (organisation and role decide it, not the role alone).
 */
export function EudrCard({ shipmentId, shipmentReference, lines }: EudrCardProps) {
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
  const status = statusBadges[data.status as EudrStatus] ?? { label: data.status, tone: 'grey' as const };
  const riskLevel = data.riskLevel as RiskLevel | null | undefined;
  const may = (action: EudrAction) => data.actions.includes(action);
  const canManageOrigins = may('add_origins');
  const canRecordDds = may('record_dds');
  const canDownloadPackage = may('download_package');
  return (
    <Card title="EUDR">
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="eudr-status">
            <Badge tone={status.tone}>{status.label}</Badge>
          </span>
          {riskLevel && (
            <span data-testid="eudr-risk">
              <Badge tone={riskTones[riskLevel]}>{riskLabels[riskLevel]}</Badge>
            </span>
          )}
        </div>
        {data.checklist.length > 0 && (
          <ul aria-label="EUDR checklist" className="space-y-1 text-sm">
            {data.checklist.map((item) => (
              <li key={item.code} data-satisfied={item.satisfied} data-state={item.state} className={checklistStates[item.state]?.className ?? 'text-slate-800'}>
                <span aria-hidden="true">{checklistStates[item.state]?.mark ?? '• '}</span>
                <span className="sr-only">{checklistStates[item.state]?.word ?? `${item.state}: `}</span>
                {item.message}
              </li>
            ))}
          </ul>
        )}
        <PlotMap origins={data.origins} riskLevel={riskLevel ?? 'standard'} />
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
                <Th>Valid</Th>
                {canManageOrigins && <Th>Actions</Th>}
              </Tr>
            </THead>
            <TBody>
              {data.origins.map((origin, index) => (
                <Tr key={origin.id}>
                  <Td>
                    {plotName(origin, index)} <span className="text-xs text-slate-600">({origin.geometryType === 'Point' ? 'point' : 'polygon'})</span>
                  </Td>
                  <Td>{origin.producerCountry ?? '—'}</Td>
                  <Td>{formatNumber(origin.areaHa ?? origin.computedAreaHa)}</Td>
                  <Td>{production(origin)}</Td>
                  <Td>{origin.linePositions.join(', ')}</Td>
                  <Td>{origin.valid ? 'Yes' : `No: ${origin.issues.map((issue) => issue.message).join('; ')}`}</Td>
                  {canManageOrigins && (
                    <Td>
                      <Button
                        variant="danger"
                        size="sm"
                        aria-label={`Delete ${plotName(origin, index)}`}
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
