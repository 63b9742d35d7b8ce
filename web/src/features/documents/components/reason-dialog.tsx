import { useState, type FormEvent } from 'react';

import { Button, ProblemAlert } from '@/components/ui';
import { Dialog } from '@/components/ui/dialog';

export interface ReasonDialogProps {
  title: string;
  label: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks for a reason (required) before a reject or archive. */
export function ReasonDialog({ title, label, confirm, pending, error, onConfirm, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!missing) onConfirm(reason.trim());
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="reason-dialog-reason" className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <textarea
            id="reason-dialog-reason"
            rows={3}
            required
            aria-invalid={touched && missing}
            aria-describedby={touched && missing ? 'reason-dialog-error' : undefined}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          />
          {touched && missing && (
            <p id="reason-dialog-error" className="text-sm text-red-700">
              A reason is required.
            </p>
          )}
        </div>
        {error !== null && error !== undefined && <ProblemAlert error={error} />}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" loading={pending}>
            {confirm}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
