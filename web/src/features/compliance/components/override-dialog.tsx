import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Button, Field, ProblemAlert } from '@/components/ui';
import { Dialog } from '@/components/ui/dialog';

import { useCreateOverride } from '../api/overrides';
import { minOverrideReasonLength, type Finding } from '../model/types';

const schema = z.object({
  reason: z
    .string()
    .trim()
    .min(minOverrideReasonLength, `Explain the override in at least ${minOverrideReasonLength} characters.`),
});
type Values = z.infer<typeof schema>;

/** Override one finding with a written reason (recorded with actor and time by the server). */
export function OverrideDialog({ shipmentId, finding, onClose }: { shipmentId: string; finding: Finding; onClose: () => void }) {
  const override = useCreateOverride(shipmentId);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });

  const onSubmit = form.handleSubmit((values) =>
    override.mutate(
      { ruleId: finding.ruleId, documentId: finding.documentId ?? null, reason: values.reason },
      { onSuccess: onClose },
    ),
  );

  return (
    <Dialog title="Override finding" onClose={onClose}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-3">
        <p className="text-sm text-slate-800">
          <span className="font-mono text-xs">{finding.ruleId}</span>: {finding.message}
        </p>
        {override.isError && <ProblemAlert error={override.error} title="The finding was not overridden" />}
        <Field label="Reason for the override" error={form.formState.errors.reason?.message} hint="At least 10 characters; shown in the audit pack.">
          {(control) => (
            <textarea
              {...control}
              {...form.register('reason')}
              rows={3}
              className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={override.isPending}>
            Override
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
