import { useState, type FormEvent } from 'react';

import { Button, ProblemAlert } from '@/components/ui';

import { useChangeShipmentStatus } from '../api/change-shipment-status';
import type { ShipmentDetail } from '../api/get-shipment';
import { transitionLabels, type ShipmentStatus } from '../model/labels';

/** One button per move the server allows from the current status; archiving asks why. */
export function StatusActions({ shipment }: { shipment: ShipmentDetail }) {
  const change = useChangeShipmentStatus();
  const [archiving, setArchiving] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRequired = shipment.status !== 'delivered';

  if (shipment.allowedTransitions.length === 0) return null;

  function move(status: ShipmentStatus, why?: string) {
    change.mutate(
      { id: shipment.id, body: { status, reason: why ?? null } },
      { onSuccess: () => setArchiving(false) },
    );
  }

  function onArchive(event: FormEvent) {
    event.preventDefault();
    if (reasonRequired && reason.trim() === '') return;
    move('archived', reason.trim() || undefined);
  }

  return (
    <section aria-label="Status actions" className="space-y-3">
      {change.isError && <ProblemAlert error={change.error} title="The status was not changed" />}
      <div className="flex flex-wrap gap-2">
        {shipment.allowedTransitions.map((status) =>
          status === 'archived' ? (
            <Button key={status} variant="danger" size="sm" onClick={() => setArchiving(true)} disabled={archiving}>
              {transitionLabels.archived}
            </Button>
          ) : (
            <Button
              key={status}
              variant="secondary"
              size="sm"
              loading={change.isPending && change.variables.body.status === status}
              disabled={change.isPending}
              onClick={() => move(status)}
            >
              {transitionLabels[status]}
            </Button>
          ),
        )}
      </div>
      {archiving && (
        <form onSubmit={onArchive} aria-label="Archive shipment" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
          <label htmlFor="archive-reason" className="block text-sm font-medium text-slate-900">
            Reason for archiving{reasonRequired ? '' : ' (optional)'}
          </label>
          <textarea
            id="archive-reason"
            rows={2}
            required={reasonRequired}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          />
          <div className="flex gap-2">
            <Button
              type="submit"
              variant="danger"
              size="sm"
              disabled={reasonRequired && reason.trim() === ''}
              loading={change.isPending}
            >
              Confirm archive
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setArchiving(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
