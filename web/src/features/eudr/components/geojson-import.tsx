import { useState, type ChangeEvent } from 'react';

import { Alert, Badge, Button, Field, Input, ProblemAlert } from '@/components/ui';
import { isApiProblem } from '@/lib/api/problem';
import { formatNumber } from '@/lib/format';

import { useSaveOrigins, useValidateGeoJson } from '../api/eudr';
import type { GeoJsonIssue, LineOption, SaveOriginsRequest, ValidationReport } from '../model/types';

/** `feature` is the server's 1-based feature number; null for the file as a whole. */
function where(feature: number | null | undefined, position: string | null | undefined) {
  const parts = [feature == null ? 'Document' : `Feature ${feature}`, position ? `at ${position}` : null];
  return parts.filter(Boolean).join(' ');
}

/** The `issues` of a 422 `eudr-geojson-invalid` refusing the save (the server validates again on save). */
function refusedIssues(error: unknown): GeoJsonIssue[] {
  if (!isApiProblem(error) || !error.is('eudr-geojson-invalid')) return [];
  const issues = error.extensions['issues'];
  return Array.isArray(issues) ? (issues as GeoJsonIssue[]).filter((issue) => typeof issue?.message === 'string') : [];
}

/**
 * Whether saving with acceptRepairs would pass: every error is repairable (the server saves the repaired file
 * only when it then validates).
 */
function repairable(report: ValidationReport) {
  return report.repaired != null && report.issues.every((issue) => issue.severity !== 'error' || issue.repairable);
}

/** The validation report: every issue naming its feature and position, the proposed repairs and the preview. */
function Report({ report, acceptRepairs, onAcceptRepairs }: { report: ValidationReport; acceptRepairs: boolean; onAcceptRepairs: (v: boolean) => void }) {
  return (
    <section aria-label="Validation report" className="space-y-3">
      <p className="text-sm font-medium text-slate-900">
        {report.valid ? '✓ The GeoJSON is valid.' : repairable(report) ? '⚠ Valid only after the repairs below.' : '✕ The GeoJSON is not valid.'}
      </p>
      {report.issues.length > 0 && (
        <ul aria-label="Issues" className="space-y-1 text-sm">
          {report.issues.map((issue, index) => (
            <li key={index} className="flex flex-wrap items-center gap-2">
              <Badge tone={issue.severity === 'error' ? 'red' : 'amber'}>{issue.severity === 'error' ? 'Error' : 'Advisory'}</Badge>
              <span>
                <span className="font-medium">{where(issue.feature, issue.position)}:</span> {issue.message}
              </span>
              <span className="font-mono text-xs text-slate-700">({issue.code})</span>
            </li>
          ))}
        </ul>
      )}
      {report.repairs.length > 0 && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-950">Repairs proposed</p>
          <ul aria-label="Repairs" className="list-disc pl-5 text-sm text-amber-950">
            {report.repairs.map((repair, index) => (
              <li key={index}>
                {repair.feature != null && <span className="font-medium">Feature {repair.feature}: </span>}
                {repair.message}
              </li>
            ))}
          </ul>
          {report.repaired && (
            <details>
              <summary className="cursor-pointer text-sm text-amber-950">Repaired GeoJSON preview</summary>
              <pre data-testid="repaired-preview" className="mt-2 max-h-48 overflow-auto rounded bg-white p-2 text-xs">
                {JSON.stringify(report.repaired, null, 2)}
              </pre>
            </details>
          )}
          <label className="flex items-center gap-2 text-sm text-slate-900">
            <input type="checkbox" checked={acceptRepairs} onChange={(event) => onAcceptRepairs(event.target.checked)} />
            Accept the repairs
          </label>
        </div>
      )}
      {report.plots.length > 0 && (
        <p className="text-sm text-slate-800">
          {report.plots.length} plot{report.plots.length === 1 ? '' : 's'}:{' '}
          {report.plots.map((plot) => `${plot.producerName ? `${plot.producerName}: ` : ''}${plot.geometryType} ${formatNumber(plot.declaredAreaHa ?? plot.computedAreaHa)} ha${plot.producerCountry ? ` (${plot.producerCountry})` : ''}`).join(', ')}
        </p>
      )}
    </section>
  );
}

/** GeoJSON from a file or pasted → validated by the server → saved with product lines and production dates. */
export function GeoJsonImport({ shipmentId, lines, onDone }: { shipmentId: string; lines: readonly LineOption[]; onDone: () => void }) {
  const validate = useValidateGeoJson();
  const save = useSaveOrigins(shipmentId);
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [acceptRepairs, setAcceptRepairs] = useState(false);
  const [positions, setPositions] = useState<number[]>(lines.length === 1 ? [lines[0]!.position] : []);
  const [dateMode, setDateMode] = useState<'single' | 'range'>('single');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const report = validate.data;

  function changed(next: string) {
    setText(next);
    validate.reset();
    setAcceptRepairs(false);
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) changed(await file.text());
  }

  function onValidate() {
    setParseError(null);
    try {
      JSON.parse(text);
    } catch {
      setParseError('This is not JSON. Paste a GeoJSON FeatureCollection, Feature or geometry.');
      return;
    }
    validate.mutate(text);
  }

  const savable = report !== undefined && (report.valid || (repairable(report) && acceptRepairs));

  function onSave() {
    setFormError(null);
    if (positions.length === 0) return setFormError('Choose the product lines these plots supplied.');
    if (dateMode === 'single' && !date) return setFormError('Give the production date.');
    if (dateMode === 'range' && (!start || !end || end < start)) return setFormError('Give a production period whose end is not before its start.');
    const body: SaveOriginsRequest = {
      geojson: JSON.parse(text) as unknown,
      linePositions: positions,
      acceptRepairs,
      // Either productionDate or the period, never both (the server refuses both with 400).
      ...(dateMode === 'single' ? { productionDate: date } : { productionStart: start, productionEnd: end }),
    };
    save.mutate(body, { onSuccess: onDone });
  }

  return (
    <section aria-label="Import plots" className="space-y-3 rounded-md border border-slate-200 p-3">
      <h3 className="font-semibold text-slate-900">Import plots (GeoJSON)</h3>
      <div className="flex flex-wrap items-center gap-2">
        <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 focus-within:ring-2 focus-within:ring-emerald-700 hover:bg-slate-100">
          Choose a GeoJSON file
          <input type="file" accept=".geojson,.json,application/geo+json,application/json" className="sr-only" onChange={(event) => void onFile(event)} />
        </label>
        <span className="text-sm text-slate-700">or paste it below</span>
      </div>
      <Field label="GeoJSON" error={parseError ?? undefined}>
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={text}
            onChange={(event) => changed(event.target.value)}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-xs"
          />
        )}
      </Field>
      <Button variant="secondary" onClick={onValidate} loading={validate.isPending} disabled={text.trim() === ''}>
        Validate
      </Button>
      {validate.isError && <ProblemAlert error={validate.error} title="The GeoJSON could not be validated" />}
      {report && <Report report={report} acceptRepairs={acceptRepairs} onAcceptRepairs={setAcceptRepairs} />}
      {report && savable && (
        <div className="space-y-3">
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">Product lines supplied by these plots</legend>
            {lines.map((line) => (
              <label key={line.position} className="flex items-center gap-2 text-sm text-slate-900">
                <input
                  type="checkbox"
                  checked={positions.includes(line.position)}
                  onChange={(event) =>
                    setPositions(event.target.checked ? [...positions, line.position].sort((a, b) => a - b) : positions.filter((p) => p !== line.position))
                  }
                />
                {line.position}. {line.label}
              </label>
            ))}
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Production</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="date-mode" checked={dateMode === 'single'} onChange={() => setDateMode('single')} /> One date
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="date-mode" checked={dateMode === 'range'} onChange={() => setDateMode('range')} /> A period
              </label>
            </div>
            {dateMode === 'single' ? (
              <Field label="Production date">{(control) => <Input type="date" {...control} value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Production start">{(control) => <Input type="date" {...control} value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
                <Field label="Production end">{(control) => <Input type="date" {...control} value={end} onChange={(e) => setEnd(e.target.value)} />}</Field>
              </div>
            )}
          </fieldset>
          {formError && <Alert tone="error">{formError}</Alert>}
          {save.isError && <ProblemAlert error={save.error} title="The plots were not saved" />}
          {refusedIssues(save.error).length > 0 && (
            <ul aria-label="Issues found when saving" className="space-y-1 text-sm">
              {refusedIssues(save.error).map((issue, index) => (
                <li key={index}>
                  <span className="font-medium">{where(issue.feature, issue.position)}:</span> {issue.message}
                </li>
              ))}
            </ul>
          )}
          <Button onClick={onSave} loading={save.isPending}>
            Save plots
          </Button>
        </div>
      )}
      {report && !savable && repairable(report) && (
        <p className="text-sm text-slate-800">Accept the repairs to save these plots.</p>
      )}
      <Button variant="ghost" size="sm" onClick={onDone}>
        Cancel
      </Button>
    </section>
  );
}
