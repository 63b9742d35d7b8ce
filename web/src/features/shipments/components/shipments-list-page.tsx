import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';

import { Button, Card, PageSpinner, Pager, ProblemAlert, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { paths, shipmentPath } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import type { Schemas } from '@/lib/api/types';

import { useShipments } from '../api/get-shipments';
import { factLabels, readListParams, writeListParams, type ShipmentListParams } from '../model/list-params';

import { AttentionBadges, StatusBadge } from './shipment-badges';
import { ShipmentsFilters } from './shipments-filters';

type Summary = Schemas['Summary'];

export interface ShipmentsListPageProps {
  /** Whether the user holds shipments:write (create and import). */
  canWrite: boolean;
}

function route(summary: Summary) {
  return `${summary.portOfLoading ?? '—'} → ${summary.portOfDischarge ?? '—'}`;
}

export function ShipmentsListPage({ canWrite }: ShipmentsListPageProps) {
  const [search, setSearch] = useSearchParams();
  const params = readListParams(search);
  const shipments = useShipments(params);

  const update = useCallback(
    (changes: Partial<ShipmentListParams>) => {
      // Any new filter starts again at the first page; only the pager moves pages.
      setSearch((current) => writeListParams({ ...readListParams(current), page: 0, ...changes }));
    },
    [setSearch],
  );

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Shipments</h1>
        {canWrite && (
          <div className="flex gap-2">
            <Link
              to={paths.shipmentImport}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              Import CSV
            </Link>
            <Link
              to={paths.shipmentNew}
              className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
            >
              New shipment
            </Link>
          </div>
        )}
      </header>
      <ShipmentsFilters params={params} onChange={update} onReset={() => setSearch(new URLSearchParams())} />
      {params.facts && (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          <span>
            Also filtered by:{' '}
            {Object.entries(params.facts)
              .map(([name, value]) => `${factLabels[name] ?? name} ${value}`)
              .join(', ')}
          </span>
          <Button variant="ghost" onClick={() => update({ facts: undefined })}>
            Clear these
          </Button>
        </div>
      )}
      {shipments.isPending ? (
        <PageSpinner label="Loading shipments…" />
      ) : shipments.isError ? (
        <div className="space-y-3">
          <ProblemAlert error={shipments.error} title="The shipments could not be loaded" />
          <Button variant="secondary" onClick={() => void shipments.refetch()}>
            Try again
          </Button>
        </div>
      ) : shipments.data.items.length === 0 ? (
        <Card>
          <p className="text-slate-700">No shipments match these filters.</p>
        </Card>
      ) : (
        <div aria-busy={shipments.isPlaceholderData || undefined}>
          <p className="mb-2 text-sm text-slate-700" aria-live="polite">
            {shipments.data.totalItems} {shipments.data.totalItems === 1 ? 'shipment' : 'shipments'}
          </p>
          <ShipmentsTable items={shipments.data.items} />
          <ShipmentCards items={shipments.data.items} />
          <Pager
            label="Shipment pages"
            page={params.page}
            totalPages={shipments.data.totalPages}
            onChange={(page) => setSearch((current) => writeListParams({ ...readListParams(current), page }))}
          />
        </div>
      )}
    </div>
  );
}

function ShipmentsTable({ items }: { items: Summary[] }) {
  return (
    <Table caption="Shipments" className="hidden md:block">
      <THead>
        <Tr>
          <Th>Reference</Th>
          <Th>Status</Th>
          <Th>Buyer</Th>
          <Th>Route</Th>
          <Th>Vessel</Th>
          <Th>ETA</Th>
          <Th>Containers</Th>
          <Th>Attention</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((item) => (
          <Tr key={item.id}>
            <Td>
              <Link to={shipmentPath(item.id)} className="font-medium text-emerald-800 underline">
                {item.reference}
              </Link>
            </Td>
            <Td>
              <StatusBadge status={item.status} />
            </Td>
            <Td>{item.buyer?.name ?? '—'}</Td>
            <Td className="whitespace-nowrap">{route(item)}</Td>
            <Td>{[item.vesselName, item.voyage].filter(Boolean).join(' / ') || '—'}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(item.eta)}</Td>
            <Td className="font-mono text-xs">{item.containerNumbers.join(', ') || '—'}</Td>
            <Td>
              <AttentionBadges attention={item.attention} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The same rows as cards for narrow screens (375 px), where a wide table would need scrolling. */
function ShipmentCards({ items }: { items: Summary[] }) {
  return (
    <ul aria-label="Shipments" className="space-y-3 md:hidden">
      {items.map((item) => (
        <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex items-start justify-between gap-2">
            <Link to={shipmentPath(item.id)} className="font-medium text-emerald-800 underline">
              {item.reference}
            </Link>
            <StatusBadge status={item.status} />
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-800">
            <dt className="text-slate-600">Buyer</dt>
            <dd>{item.buyer?.name ?? '—'}</dd>
            <dt className="text-slate-600">Route</dt>
            <dd>{route(item)}</dd>
            <dt className="text-slate-600">ETA</dt>
            <dd>{formatDateTime(item.eta)}</dd>
            <dt className="text-slate-600">Containers</dt>
            <dd className="font-mono text-xs break-all">{item.containerNumbers.join(', ') || '—'}</dd>
          </dl>
          <div className="mt-2">
            <AttentionBadges attention={item.attention} />
          </div>
        </li>
      ))}
    </ul>
  );
}
