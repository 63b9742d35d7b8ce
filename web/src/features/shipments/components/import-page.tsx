import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { Alert, Button, Card, ProblemAlert, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { paths } from '@/config/paths';

import { getImportTemplate, useImportShipments } from '../api/import-shipments';
import type { ImportReport } from '../api/import-types';

/** CSV bulk import: a dry run reports every row, then the valid rows (or all, when all are valid) are imported. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const importer = useImportShipments();

  const checked = report?.dryRun === true ? report : null;
  const imported = report?.dryRun === false ? report : null;
  const canImport =
    checked !== null && checked.validRows > 0 && (checked.invalidRows === 0 || skipInvalid) && !importer.isPending;

  async function run(dryRun: boolean) {
    if (!file) return;
    const csv = await file.text();
    try {
      setReport(await importer.mutateAsync({ csv, dryRun, skipInvalid }));
    } catch {
      // Shown from importer.error; the previous report stays visible.
    }
  }

  function onCheck(event: FormEvent) {
    event.preventDefault();
    void run(true);
  }

  async function downloadTemplate() {
    setTemplateError(null);
    try {
      const blob = await getImportTemplate();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'shipments-template.csv';
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setTemplateError(error);
    }
  }

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Import shipments</h1>
        <p className="mt-1 text-sm text-slate-700">
          Upload a CSV file with one shipment per row. Check it first: nothing is written until you import.{' '}
          <button type="button" className="font-medium text-emerald-800 underline" onClick={() => void downloadTemplate()}>
            Download the CSV template
          </button>
        </p>
      </header>
      {templateError !== null && <ProblemAlert error={templateError} title="The template could not be downloaded" />}
      <Card>
        <form onSubmit={onCheck} aria-label="Import shipments" className="space-y-4">
          <div className="space-y-1">
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
              CSV file
            </label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              className="block text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setReport(null);
                setSkipInvalid(false);
                importer.reset();
              }}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={!file} loading={importer.isPending && report === null}>
            Check file
          </Button>
        </form>
      </Card>
      {importer.isError && <ProblemAlert error={importer.error} title="The file could not be processed" />}
      {imported && (
        <Alert tone="success" title={`Imported ${imported.imported} ${imported.imported === 1 ? 'shipment' : 'shipments'}.`}>
          {imported.invalidRows > 0 && <p>{imported.invalidRows} invalid rows were skipped.</p>}
          <Link to={paths.shipments} className="font-medium underline">
            Go to the shipments
          </Link>
        </Alert>
      )}
      {checked && (
        <Card title="Check result">
          <p className="mb-3 text-sm text-slate-800" aria-live="polite">
            {checked.totalRows} rows: {checked.validRows} valid, {checked.invalidRows} with errors.
          </p>
          <ImportReportTable report={checked} />
          <div className="mt-4 flex flex-wrap items-center gap-4">
            {checked.invalidRows > 0 && (
              <label className="inline-flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="size-4 accent-emerald-700"
                  checked={skipInvalid}
                  onChange={(event) => setSkipInvalid(event.target.checked)}
                />
                Skip invalid rows and import the {checked.validRows} valid ones
              </label>
            )}
            <Button disabled={!canImport} loading={importer.isPending} onClick={() => void run(false)}>
              Import
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}

function ImportReportTable({ report }: { report: ImportReport }) {
  return (
    <Table caption="Rows of the file">
      <THead>
        <Tr>
          <Th>Line</Th>
          <Th>Reference</Th>
          <Th>Result</Th>
        </Tr>
      </THead>
      <TBody>
        {report.rows.map((row) => (
          <Tr key={row.row} className={row.valid ? undefined : 'bg-red-50'}>
            <Td>{row.row}</Td>
            <Td>{row.reference ?? '—'}</Td>
            <Td>
              {row.valid ? (
                <span className="text-emerald-800">Valid</span>
              ) : (
                <ul className="list-disc pl-4 text-red-800">
                  {row.errors.map((error) => (
                    <li key={`${error.field}:${error.message}`}>
                      <span className="font-medium">{error.field}</span>: {error.message}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
