import { useMemo } from 'react';

import { Button, Card, ProblemAlert, Spinner, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { isApiProblem } from '@/lib/api/problem';
import { formatDateTime, formatRelative } from '@/lib/format';

import { useEventCodes } from '../api/get-event-codes';
import { useTracking } from '../api/get-tracking';
import { useRefreshTracking } from '../api/refresh-tracking';
import type { ShipmentTracking } from '../api/types';
import { useNow } from '../model/use-now';

import { RouteMap } from './route-map';
import { TrackingTimeline } from './tracking-timeline';

export interface TrackingSectionProps {
  shipmentId: string;
  /** Whether the user holds tracking:refresh. */
  canRefresh: boolean;
}

function lastChecked(tracking: ShipmentTracking): string | null {
  const times = tracking.containers.flatMap((container) => (container.lastCheckedAt ? [container.lastCheckedAt] : []));
  if (times.length === 0) return null;
  return times.reduce((latest, time) => (new Date(time) > new Date(latest) ? time : latest));
}

/** Container tracking of one shipment: status per container, route map and event timeline, polled live. */
export function TrackingSection({ shipmentId, canRefresh }: TrackingSectionProps) {
  const tracking = useTracking(shipmentId);
  const codes = useEventCodes();
  const refresh = useRefreshTracking(shipmentId);
  const now = useNow();
  const descriptions = useMemo(
    () => new Map((codes.data ?? []).map((code) => [code.code, code.description] as const)),
    [codes.data],
  );

  let content;
  if (tracking.isPending) content = <Spinner label="Loading tracking…" />;
  else if (tracking.isError) {
    content =
      isApiProblem(tracking.error) && tracking.error.status === 404 ? (
        <p className="text-sm text-slate-700">No tracking for this shipment yet.</p>
      ) : (
        <ProblemAlert error={tracking.error} title="Tracking could not be loaded" />
      );
  } else {
    const data = tracking.data;
    const checked = lastChecked(data);
    content = (
      <div className="space-y-6">
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <div>
            <dt className="text-slate-600">Provider</dt>
            <dd className="font-medium text-slate-900">{data.provider}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Tracked ETA</dt>
            <dd className="font-medium text-slate-900">
              {formatDateTime(data.eta)}
              {data.etaOriginal && data.eta !== data.etaOriginal && (
                <span className="ml-1 text-xs font-normal text-slate-600">(first {formatDateTime(data.etaOriginal)})</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Last checked</dt>
            <dd className="font-medium text-slate-900" data-testid="tracking-last-checked">
              {checked ? (
                <time dateTime={checked} title={formatDateTime(checked)}>
                  last checked {formatRelative(checked, now)}
                </time>
              ) : (
                'not checked yet'
              )}
            </dd>
          </div>
        </dl>
        {data.containers.length > 0 && (
          <Table caption="Container tracking">
            <THead>
              <Tr>
                <Th>Container</Th>
                <Th>Last event</Th>
                <Th>Last checked</Th>
                <Th>Next check</Th>
                <Th>Problem</Th>
              </Tr>
            </THead>
            <TBody>
              {data.containers.map((container) => (
                <Tr key={container.containerNumber}>
                  <Td className="font-mono">{container.containerNumber}</Td>
                  <Td>{container.status ? (descriptions.get(container.status) ?? container.status) : '—'}</Td>
                  <Td>{container.lastCheckedAt ? formatRelative(container.lastCheckedAt, now) : '—'}</Td>
                  <Td>{container.nextCheckAt ? formatRelative(container.nextCheckAt, now) : '—'}</Td>
                  <Td className="text-red-800">{container.lastError ?? ''}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <RouteMap route={data.route} />
        <section aria-labelledby="tracking-events-heading">
          <h3 id="tracking-events-heading" className="mb-3 font-semibold text-slate-900">
            Events
          </h3>
          <TrackingTimeline events={data.events} descriptions={descriptions} />
        </section>
      </div>
    );
  }

  return (
    <Card title="Tracking">
      <div className="space-y-4">
        {canRefresh && (
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" size="sm" loading={refresh.isPending} onClick={() => refresh.mutate()}>
              Refresh tracking
            </Button>
            {refresh.isError && <ProblemAlert error={refresh.error} title="Tracking was not refreshed" className="w-full" />}
          </div>
        )}
        {content}
      </div>
    </Card>
  );
}
