import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Alert, Button, Card, Field, Input, PageSpinner, ProblemAlert } from '@/components/ui';
import { isApiProblem } from '@/lib/api/problem';
import { applyFieldProblems } from '@/lib/forms';

import { useOrganizationSettings, useSaveOrganizationSettings } from '../api/organization-settings';
import type { OrganizationSettings } from '../model/types';

const schema = z.object({
  tracesNumber: z
    .string()
    .trim()
    .max(40, 'At most 40 characters.')
    .regex(/^[A-Za-z0-9 ./-]*$/, 'Use letters, digits, spaces, dots, slashes and dashes only.'),
});
type Values = z.infer<typeof schema>;

function SettingsForm({ settings }: { settings: OrganizationSettings }) {
  const save = useSaveOrganizationSettings();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { tracesNumber: settings.tracesNumber ?? '' } });
  const [shown, setShown] = useState<string[]>([]);

  const onSubmit = form.handleSubmit((values) => {
    setSaved(false);
    const tracesNumber = values.tracesNumber.trim();
    save.mutate(
      { tracesNumber: tracesNumber === '' ? null : tracesNumber },
      {
        onSuccess: (result) => {
          form.reset({ tracesNumber: result.tracesNumber ?? '' });
          setSaved(true);
        },
        onError: (error) => {
          if (isApiProblem(error)) setShown(applyFieldProblems(error, form.setError, ['tracesNumber']));
        },
      },
    );
  });

  return (
    <form aria-label="Organisation settings" noValidate onSubmit={(event) => void onSubmit(event)} className="max-w-md space-y-4">
      <Field
        label="TRACES registration number"
        error={form.formState.errors.tracesNumber?.message}
        hint="Printed on EU TRACES health certificates; the veterinary regime checks certificates against it."
      >
        {(control) => <Input {...control} autoComplete="off" {...form.register('tracesNumber')} />}
      </Field>
      {save.isError && <ProblemAlert error={save.error} shownFields={shown} title="The settings were not saved" />}
      {saved && <Alert tone="success">Settings saved.</Alert>}
      <Button type="submit" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}

/** Organisation settings (settings:manage): the TRACES registration number. */
export function OrganizationSettingsPage() {
  const settings = useOrganizationSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Organisation settings</h1>
      <Card>
        {settings.isPending ? (
          <PageSpinner label="Loading the settings…" />
        ) : settings.isError ? (
          <ProblemAlert error={settings.error} title="The settings could not be loaded" />
        ) : (
          <SettingsForm settings={settings.data} />
        )}
      </Card>
    </div>
  );
}
