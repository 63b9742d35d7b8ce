import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { Card, PageSpinner, ProblemAlert, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { paths, shipmentEditPath } from '@/config/paths';
import { cn } from '@/lib/cn';
import { formatDateTime, formatNumber } from '@/lib/format';

import { useEventCodes } from '../api/get-event-codes';
import { useLocations } from '../api/get-locations';
import { useProductTypes } from '../api/get-product-types';
import { useShipment, type ShipmentDetail } from '../api/get-shipment';
import { etaCountdown } from '../model/eta';

import { AuditPackButton } from './audit-pack-button';
import { DetailTabs, type DetailTab } from './detail-tabs';
import { AttentionBadges, StatusBadge } from './shipment-badges';
import { StatusActions } from './status-actions';
import { StatusHistory } from './status-history';

export interface ShipmentDetailPageProps {
  id: string;
  /** Whether the user holds shipments:write (edit, status changes). */
  canWrite: boolean;
  /** Whether the user holds audit-pack:download (the "Audit pack" button). */
  canDownloadAuditPack?: boolean;
  /** Rendered below the shipment: the tracking section, composed by the app. */
  tracking?: ReactNode;
  /** The documents tab (documents feature), composed by the app; no tab when absent. */
  documents?: ReactNode;
  /** The compliance tab: compliance and EUDR cards, composed by the app from the shipment; no tab when absent. */
  compliance?: ((shipment: ShipmentDetail) => ReactNode) | undefined;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children ?? '—'}</dd>
    </div>
  );
}

export function ShipmentDetailPage({
  id,
  canWrite,
  canDownloadAuditPack = false,
  tracking,
  documents,
  compliance,
}: ShipmentDetailPageProps) {
  const shipment = useShipment(id, { live: true });
  if (shipment.isPending) return <PageSpinner label="Loading the shipment…" />;
  if (shipment.isError) {
    return (
      <div className="space-y-3">
        <ProblemAlert error={shipment.error} title="The shipment could not be loaded" />
        <Link to={paths.shipments} className="font-medium text-emerald-800 underline">
          Back to the shipments
        </Link>
      </div>
    );
  }
  return (
    <ShipmentDetailView
      shipment={shipment.data}
      canWrite={canWrite}
      canDownloadAuditPack={canDownloadAuditPack}
      tracking={tracking}
      documents={documents}
      compliance={compliance}
    />
  );
}

interface ShipmentDetailViewProps {
  shipment: ShipmentDetail;
  canWrite: boolean;
  canDownloadAuditPack: boolean;
  tracking: ReactNode;
  documents: ReactNode;
  compliance: ShipmentDetailPageProps['compliance'];
}

function ShipmentDetailView({
  shipment,
  canWrite,
  canDownloadAuditPack,
  tracking,
  documents,
  compliance,
}: ShipmentDetailViewProps) {
  const locations = useLocations();
  const productTypes = useProductTypes();
  const eventCodes = useEventCodes();
  const eventName = (code: string | null | undefined) =>
    code ? (eventCodes.data?.find((c) => c.code === code)?.description ?? code) : '—';
  const portName = (code: string | null | undefined) => {
    if (!code) return null;
    const location = locations.data?.find((l) => l.unlocode === code);
    return location ? `${location.name} (${code})` : code;
  };
  const productName = productTypes.data?.find((t) => t.code === shipment.productType)?.name ?? shipment.productType;
  const countdown = etaCountdown(shipment.eta, shipment.ata);
  const names = (parties: { name?: string | null }[]) => parties.map((p) => p.name ?? '—').join(', ') || null;

  const overview = (
    <>
      <Card title="Summary">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Item term="Product">{productName}</Item>
          <Item term="Buyer">{shipment.buyer?.name}</Item>
          <Item term="Suppliers">{names(shipment.suppliers)}</Item>
          <Item term="Forwarders">{names(shipment.forwarders)}</Item>
          <Item term="Exporter">{shipment.exporterName}</Item>
          <Item term="Importer">{shipment.importerName}</Item>
          <Item term="Port of loading">{portName(shipment.portOfLoading)}</Item>
          <Item term="Port of discharge">{portName(shipment.portOfDischarge)}</Item>
          <Item term="Final destination">{shipment.finalDestination}</Item>
          <Item term="Carrier">
            {shipment.carrierName || shipment.carrierScac
              ? [shipment.carrierName, shipment.carrierScac && `(${shipment.carrierScac})`].filter(Boolean).join(' ')
              : null}
          </Item>
          <Item term="Vessel / voyage">{[shipment.vesselName, shipment.voyage].filter(Boolean).join(' / ') || null}</Item>
          <Item term="Incoterms">{shipment.incoterms}</Item>
          <Item term="Bill of lading">{shipment.billOfLading}</Item>
          <Item term="Booking reference">{shipment.bookingReference}</Item>
          <Item term="ETD">{formatDateTime(shipment.etd)}</Item>
          <Item term="ETA">
            {formatDateTime(shipment.eta)}
            {shipment.etaOriginal && shipment.etaOriginal !== shipment.eta && (
              <span className="block text-xs text-slate-600">first: {formatDateTime(shipment.etaOriginal)}</span>
            )}
          </Item>
          <Item term="ATD">{formatDateTime(shipment.atd)}</Item>
          <Item term="ATA">{formatDateTime(shipment.ata)}</Item>
        </dl>
        {shipment.notes && <p className="mt-4 text-sm whitespace-pre-line text-slate-800">{shipment.notes}</p>}
      </Card>

      <Card title="Containers">
        {shipment.containers.length === 0 ? (
          <p className="text-sm text-slate-700">No containers yet.</p>
        ) : (
          <Table caption="Containers">
            <THead>
              <Tr>
                <Th>Number</Th>
                <Th>Type</Th>
                <Th>Seal</Th>
                <Th>Gross weight (kg)</Th>
                <Th>Tracking status</Th>
              </Tr>
            </THead>
            <TBody>
              {shipment.containers.map((container) => (
                <Tr key={container.number}>
                  <Td className="font-mono">{container.number}</Td>
                  <Td>{container.isoType ?? '—'}</Td>
                  <Td>{container.sealNumber ?? '—'}</Td>
                  <Td>{formatNumber(container.grossWeightKg)}</Td>
                  <Td>{eventName(container.trackingStatus)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <Card title="Product lines">
        {shipment.productLines.length === 0 ? (
          <p className="text-sm text-slate-700">No product lines yet.</p>
        ) : (
          <Table caption="Product lines">
            <THead>
              <Tr>
                <Th>HS code</Th>
                <Th>Description</Th>
                <Th>Container</Th>
                <Th>Net (kg)</Th>
                <Th>Gross (kg)</Th>
                <Th>Packages</Th>
                <Th>Batches</Th>
                <Th>Grade</Th>
                <Th>Moisture %</Th>
              </Tr>
            </THead>
            <TBody>
              {shipment.productLines.map((line, index) => (
                <Tr key={index}>
                  <Td className="font-mono">{line.hsCode}</Td>
                  <Td>{line.description}</Td>
                  <Td className="font-mono text-xs">{line.containerNumber ?? '—'}</Td>
                  <Td>{formatNumber(line.netWeightKg)}</Td>
                  <Td>{formatNumber(line.grossWeightKg)}</Td>
                  <Td>
                    {line.packages ?? '—'} {line.packagingType ?? ''}
                  </Td>
                  <Td>{line.batchNumbers ?? '—'}</Td>
                  <Td>{line.qualityGrade ?? '—'}</Td>
                  <Td>{formatNumber(line.moisturePercent)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      {tracking}

      <StatusHistory shipmentId={shipment.id} />
    </>
  );
  const tabs: DetailTab[] = [
    { id: 'overview', label: 'Overview', content: overview },
    ...(documents ? [{ id: 'documents', label: 'Documents', content: documents }] : []),
    ...(compliance ? [{ id: 'compliance', label: 'Compliance & EUDR', content: compliance(shipment) }] : []),
  ];

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p>
          <Link to={paths.shipments} className="text-sm font-medium text-emerald-800 underline">
            ← Shipments
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">{shipment.reference}</h1>
          <StatusBadge status={shipment.status} />
          {countdown && (
            <span className="text-sm font-medium text-slate-800" data-testid="eta-countdown">
              {countdown}
            </span>
          )}
          {canDownloadAuditPack && (
            <div className="ml-auto">
              <AuditPackButton shipmentId={shipment.id} reference={shipment.reference} />
            </div>
          )}
          {canWrite && shipment.editable && (
            <Link
              to={shipmentEditPath(shipment.id)}
              className={cn(
                !canDownloadAuditPack && 'ml-auto',
                'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100',
              )}
            >
              Edit
            </Link>
          )}
        </div>
        <AttentionBadges attention={shipment.attention} />
        {canWrite && <StatusActions shipment={shipment} />}
      </header>

      {tabs.length > 1 ? <DetailTabs tabs={tabs} label="Shipment sections" /> : overview}
    </div>
  );
}
