import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { Alert, Badge, Button, Field, Input, ProblemAlert } from '@/components/ui';

import { useTransitionDocument, useUpdateMetadata } from '../api/change-document';
import { humaniseCode } from '../model/labels';
import {
  applyChip,
  metadataSchema,
  suggestionChips,
  toFormValues,
  toMetadataRequest,
  type MetadataValues,
  type SuggestionChip,
} from '../model/metadata-form';
import type { DocumentType, ShipmentDocument, Suggestions } from '../model/types';

export interface MetadataFormProps {
  document: ShipmentDocument;
  type: DocumentType | undefined;
  types: readonly DocumentType[];
  suggestions: Suggestions | null;
  onDone?: () => void;
}

/**
 * Reference number, dates, issuer and the type's own fields. Suggestions found in the file are shown as chips;
 * a value goes into the form only when the user clicks its chip — never silently.
 */
export function MetadataForm({ document: doc, type, types, suggestions, onDone }: MetadataFormProps) {
  const save = useUpdateMetadata(doc.id);
  const submit = useTransitionDocument(doc.id);
  const [saved, setSaved] = useState(false);
  const [applied, setApplied] = useState<ReadonlySet<string>>(new Set());
  const form = useForm<MetadataValues>({
    resolver: zodResolver(metadataSchema),
    defaultValues: toFormValues(doc.metadata, type),
  });
  const { errors } = form.formState;
  const chips = suggestionChips(suggestions, type);
  const groups = [...new Set(chips.map((chip) => chip.group))];
  const typeName = (code: string) => types.find((t) => t.code === code)?.name ?? humaniseCode(code);
  const topType = suggestions?.types[0];

  function apply(chip: SuggestionChip) {
    const current = form.getValues(chip.target) as string | undefined;
    form.setValue(chip.target, applyChip(current ?? '', chip), { shouldDirty: true, shouldValidate: true });
    setApplied((before) => new Set(before).add(chip.id));
    setSaved(false);
  }

  const onSubmit = form.handleSubmit((values) =>
    save.mutate(toMetadataRequest(values), {
      onSuccess: () => {
        setSaved(true);
        form.reset(values);
      },
    }),
  );

  return (
    <form aria-label="Document metadata" noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-4">
      <p className="text-sm text-slate-800">
        Type: <span className="font-medium">{typeName(doc.type)}</span> · version {doc.version}
      </p>
      {suggestions && suggestions.types.length > 0 && (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">Type suggested from the text</p>
          <ul aria-label="Suggested types" className="flex flex-wrap gap-2">
            {suggestions.types.map((suggested) => (
              <li key={suggested.code}>
                <Badge tone={suggested.code === doc.type ? 'green' : 'grey'}>
                  {typeName(suggested.code)} · score {suggested.score.toFixed(2)}
                  {suggested.code === doc.type ? ' · matches' : ''}
                </Badge>
              </li>
            ))}
          </ul>
          {topType && topType.code !== doc.type && (
            <Alert tone="warning">
              The text looks like a {typeName(topType.code)}, but the file was uploaded as {typeName(doc.type)}. If it is
              the wrong type, upload it again with the right type.
            </Alert>
          )}
        </div>
      )}
      {chips.length > 0 && (
        <div className="space-y-2" aria-label="Suggestions" role="group">
          <p className="text-sm font-medium text-slate-800">Found in the file — click a value to use it</p>
          {groups.map((group) => (
            <div key={group} className="flex flex-wrap items-center gap-2">
              <span className="text-xs text-slate-700">{group}:</span>
              {chips
                .filter((chip) => chip.group === group)
                .map((chip) => (
                  <button
                    key={chip.id}
                    type="button"
                    onClick={() => apply(chip)}
                    aria-pressed={applied.has(chip.id)}
                    aria-label={`Use ${chip.label} for ${group.toLowerCase()}`}
                    className="rounded-full border border-emerald-700 px-2.5 py-1 font-mono text-xs text-emerald-900 hover:bg-emerald-50 aria-pressed:bg-emerald-100"
                  >
                    {applied.has(chip.id) ? '✓ ' : '+ '}
                    {chip.label}
                  </button>
                ))}
            </div>
          ))}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Reference number" error={errors.referenceNumber?.message}>
          {(control) => <Input {...control} {...form.register('referenceNumber')} />}
        </Field>
        <Field label="Issuer" error={errors.issuer?.message} hint={type?.typicalIssuer ? `Usually ${type.typicalIssuer}` : undefined}>
          {(control) => <Input {...control} {...form.register('issuer')} />}
        </Field>
        <Field label="Issue date" error={errors.issueDate?.message}>
          {(control) => <Input type="date" {...control} {...form.register('issueDate')} />}
        </Field>
        {(type?.hasExpiry ?? true) && (
          <Field label="Expiry date" error={errors.expiryDate?.message}>
            {(control) => <Input type="date" {...control} {...form.register('expiryDate')} />}
          </Field>
        )}
        {(type?.fields ?? []).map((field) => (
          <Field key={field.key} label={field.label} error={errors.fields?.[field.key]?.message}>
            {(control) => (
              <Input
                type={field.kind === 'date' ? 'date' : 'text'}
                inputMode={field.kind === 'decimal' ? 'decimal' : undefined}
                {...control}
                {...form.register(`fields.${field.key}`)}
              />
            )}
          </Field>
        ))}
      </div>
      {save.isError && <ProblemAlert error={save.error} title="The metadata was not saved" />}
      {submit.isError && <ProblemAlert error={submit.error} title="The document was not submitted" />}
      {saved && !form.formState.isDirty && <Alert tone="success">Metadata saved.</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          Save metadata
        </Button>
        {doc.status === 'uploaded' && (
          <Button
            variant="secondary"
            disabled={form.formState.isDirty}
            loading={submit.isPending}
            onClick={() => submit.mutate({ to: 'under_review' }, { onSuccess: () => onDone?.() })}
          >
            Submit for review
          </Button>
        )}
        {onDone && (
          <Button variant="ghost" onClick={onDone}>
            Close
          </Button>
        )}
      </div>
    </form>
  );
}
