import { Card, Spinner, ProblemAlert } from '@/components/ui';
import { formatDateTime } from '@/lib/format';

import { useShipmentHistory } from '../api/get-shipment-history';
import { statusLabels } from '../model/labels';

export function StatusHistory({ shipmentId }: { shipmentId: string }) {
  const history = useShipmentHistory(shipmentId);
  return (
    <Card title="Status history">
      {history.isPending ? (
        <Spinner label="Loading the history…" />
      ) : history.isError ? (
        <ProblemAlert error={history.error} title="The history could not be loaded" />
      ) : history.data.length === 0 ? (
        <p className="text-sm text-slate-700">No status changes yet.</p>
      ) : (
        <ol aria-label="Status history" className="space-y-3">
          {history.data.map((change) => (
            <li key={`${change.occurredAt}-${change.to}`} className="border-l-2 border-emerald-700 pl-3 text-sm">
              <p className="font-medium text-slate-900">
                {change.from ? `${statusLabels[change.from]} → ` : ''}
                {statusLabels[change.to]}
              </p>
              <p className="text-slate-700">
                <time dateTime={change.occurredAt}>{formatDateTime(change.occurredAt)}</time>
                {' · '}
                {change.actorName ?? (change.source === 'tracking' ? 'Tracking' : change.source)}
              </p>
              {change.reason && <p className="text-slate-700">Reason: {change.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
