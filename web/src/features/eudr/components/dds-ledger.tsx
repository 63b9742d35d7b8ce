import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Button, Field, Input, ProblemAlert } from '@/components/ui';
import { formatDateTime } from '@/lib/format';

import { useAmendDdsReference, useRecordDdsReference } from '../api/eudr';
import type { DdsReference, DdsReferenceRequest } from '../model/types';

const schema = z.object({
  referenceNumber: z.string().trim().min(1, 'Enter the DDS reference number.').max(64, 'At most 64 characters.'),
  verificationNumber: z.string().trim().min(1, 'Enter the verification number.').max(64, 'At most 64 characters.'),
  // `DdsRequest.filedAt` is an instant and starts the 72 h amend window, so the time matters, not just the day.
  filedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'Enter when the DDS was filed.'),
});
type Values = z.infer<typeof schema>;

/** An ISO instant as the value of a `datetime-local` input, in the browser's time zone. */
function toLocalInput(instant: string) {
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function ReferenceForm({ initial, pending, error, submitLabel, onSubmit, onCancel }: {
  initial?: DdsReference;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: DdsReferenceRequest) => void;
  onCancel: () => void;
}) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      referenceNumber: initial?.referenceNumber ?? '',
      verificationNumber: initial?.verificationNumber ?? '',
      filedAt: initial ? toLocalInput(initial.filedAt) : '',
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => onSubmit({ ...values, filedAt: new Date(values.filedAt).toISOString() }));
  return (
    <form aria-label={submitLabel} noValidate onSubmit={(event) => void submit(event)} className="space-y-3 rounded-md border border-slate-200 p-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="DDS reference number" error={errors.referenceNumber?.message}>
          {(control) => <Input {...control} {...form.register('referenceNumber')} />}
        </Field>
        <Field label="Verification number" error={errors.verificationNumber?.message}>
          {(control) => <Input {...control} {...form.register('verificationNumber')} />}
        </Field>
        <Field label="Filed at" error={errors.filedAt?.message}>
          {(control) => <Input type="datetime-local" {...control} {...form.register('filedAt')} />}
        </Field>
      </div>
      {error !== null && error !== undefined && <ProblemAlert error={error} title="The reference was not recorded" />}
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * DDS references the buyer filed in the EU Information System. Each is amendable for 72 hours after filing;
 * the window is the server's `amendableUntil`, shown and used to offer Amend.
 */
export function DdsLedger({ shipmentId, references, canRecord, now = new Date() }: { shipmentId: string; references: readonly DdsReference[]; canRecord: boolean; now?: Date }) {
  const record = useRecordDdsReference(shipmentId);
  const amend = useAmendDdsReference(shipmentId);
  const [adding, setAdding] = useState(false);
  const [amending, setAmending] = useState<string | null>(null);

  return (
    <section aria-label="DDS references" className="space-y-3">
      <h3 className="font-semibold text-slate-900">DDS references</h3>
      {references.length === 0 ? (
        <p className="text-sm text-slate-700">No due diligence statement recorded yet.</p>
      ) : (
        <ul aria-label="DDS reference ledger" className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {references.map((reference) => {
            // The server's `amendable` at load time, and the clock since: the window closes while the page is open.
            const open = reference.amendable && new Date(reference.amendableUntil) > now;
            return (
              <li key={reference.id} className="space-y-2 p-3 text-sm">
                <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-mono text-slate-900">{reference.referenceNumber}</p>
                    <p className="text-slate-700">
                      Verification <span className="font-mono">{reference.verificationNumber}</span> · filed {formatDateTime(reference.filedAt)}
                      {reference.amendedAt && <> · amended {formatDateTime(reference.amendedAt)}</>}
                    </p>
                    <p className="text-slate-800" data-testid="amend-window">
                      {open ? `Amendable until ${formatDateTime(reference.amendableUntil)}` : `Amend window closed ${formatDateTime(reference.amendableUntil)}`}
                    </p>
                  </div>
                  {canRecord && open && amending !== reference.id && (
                    <Button variant="secondary" size="sm" onClick={() => setAmending(reference.id)} aria-label={`Amend ${reference.referenceNumber}`}>
                      Amend
                    </Button>
                  )}
                </div>
                {amending === reference.id && (
                  <ReferenceForm
                    initial={reference}
                    pending={amend.isPending}
                    error={amend.error}
                    submitLabel="Save amendment"
                    onSubmit={(body) => amend.mutate({ id: reference.id, body }, { onSuccess: () => setAmending(null) })}
                    onCancel={() => setAmending(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canRecord &&
        (adding ? (
          <ReferenceForm
            pending={record.isPending}
            error={record.error}
            submitLabel="Record reference"
            onSubmit={(body) => record.mutate(body, { onSuccess: () => setAdding(false) })}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Record a DDS reference
          </Button>
        ))}
    </section>
  );
}
