import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

import { Button, Card, Input, PageSpinner, Pager, ProblemAlert, Select, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { formatDateTime } from '@/lib/format';

import { exportAuditLog, useAuditLog } from '../api/get-audit-log';
import { readParams, resultLabel, writeParams, type AuditLogEntry, type AuditLogParams } from '../model/params';

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filter form: edited locally, applied to the URL (and the request) on Search. */
function Filters({ params, onApply }: { params: AuditLogParams; onApply: (params: AuditLogParams) => void }) {
  const [draft, setDraft] = useState(params);
  const [shown, setShown] = useState(params);
  if (params !== shown && JSON.stringify(params) !== JSON.stringify(shown)) {
    // Back/forward changed the URL: show its search again.
    setShown(params);
    setDraft(params);
  }
  const set = (key: keyof AuditLogParams) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, page: 0 });
  }

  const empty: AuditLogParams = { actor: '', action: '', objectType: '', objectId: '', result: '', from: '', to: '', page: 0 };

  return (
    <form aria-label="Filters" onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Labelled id="audit-actor" label="Actor (e-mail or user id)">
          <Input id="audit-actor" value={draft.actor} onChange={set('actor')} />
        </Labelled>
        <Labelled id="audit-action" label="Action">
          <Input id="audit-action" value={draft.action} placeholder="POST /api/shipments" onChange={set('action')} />
        </Labelled>
        <Labelled id="audit-object-type" label="Object type">
          <Input id="audit-object-type" value={draft.objectType} placeholder="shipment" onChange={set('objectType')} />
        </Labelled>
        <Labelled id="audit-object-id" label="Object id">
          <Input id="audit-object-id" value={draft.objectId} onChange={set('objectId')} />
        </Labelled>
        <Labelled id="audit-result" label="Result">
          <Select id="audit-result" value={draft.result} onChange={set('result')}>
            <option value="">Any result</option>
            <option value="success">Succeeded</option>
            <option value="failure">Failed (4xx/5xx)</option>
            <option value="denied">Denied (401/403)</option>
          </Select>
        </Labelled>
        <Labelled id="audit-from" label="From">
          <Input id="audit-from" type="datetime-local" value={draft.from} onChange={set('from')} />
        </Labelled>
        <Labelled id="audit-to" label="To">
          <Input id="audit-to" type="datetime-local" value={draft.to} onChange={set('to')} />
        </Labelled>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Search</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDraft(empty);
            onApply(empty);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}

function actorLabel(entry: AuditLogEntry) {
  if (entry.actorKind === 'system') return 'System';
  return entry.actorEmail ?? (entry.actorKind === 'anonymous' ? 'Anonymous' : (entry.actorUserId ?? '—'));
}

function EntriesTable({ items }: { items: AuditLogEntry[] }) {
  return (
    <Table caption="Audit log entries">
      <THead>
        <Tr>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Object</Th>
          <Th>Result</Th>
          <Th>IP</Th>
          <Th>Request id</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((entry) => (
          <Tr key={entry.id}>
            <Td className="whitespace-nowrap">{formatDateTime(entry.occurredAt)}</Td>
            <Td>{actorLabel(entry)}</Td>
            <Td>
              <span className="font-mono text-xs">{entry.action}</span>
              {entry.detail && <p className="text-xs text-slate-700">{entry.detail}</p>}
            </Td>
            <Td className="text-xs">
              {entry.objectType ?? '—'}
              {entry.objectId && <span className="block font-mono break-all">{entry.objectId}</span>}
            </Td>
            <Td className="whitespace-nowrap">{resultLabel(entry.result)}</Td>
            <Td className="font-mono text-xs">{entry.ip ?? '—'}</Td>
            <Td className="font-mono text-xs break-all">{entry.requestId ?? '—'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** /admin/audit-log: who did what, when, from where, with what result (audit:read). */
export function AuditLogPage() {
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const log = useAuditLog(params);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  async function downloadCsv() {
    setExportError(null);
    setExporting(true);
    try {
      const blob = await exportAuditLog(params);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Audit log</h1>
          <p className="mt-1 text-sm text-slate-700">
            Every change and download by your organisation&apos;s users, and what the system did to your data.
          </p>
        </div>
        <Button variant="secondary" loading={exporting} onClick={() => void downloadCsv()}>
          Export CSV
        </Button>
      </header>
      {exportError !== null && <ProblemAlert error={exportError} title="The export could not be made" />}
      <Filters params={params} onApply={(next) => setSearch(writeParams(next))} />
      {log.isPending ? (
        <PageSpinner label="Loading the audit log…" />
      ) : log.isError ? (
        <div className="space-y-3">
          <ProblemAlert error={log.error} title="The audit log could not be loaded" />
          <Button variant="secondary" onClick={() => void log.refetch()}>
            Try again
          </Button>
        </div>
      ) : log.data.items.length === 0 ? (
        <Card>
          <p className="text-slate-700">No entries match these filters.</p>
        </Card>
      ) : (
        <div aria-busy={log.isPlaceholderData || undefined}>
          <p className="mb-2 text-sm text-slate-700" aria-live="polite">
            {log.data.totalCapped
              ? `More than ${log.data.totalItems.toLocaleString()} entries: narrow the time range to page further back.`
              : `${log.data.totalItems} ${log.data.totalItems === 1 ? 'entry' : 'entries'}`}
          </p>
          <EntriesTable items={log.data.items} />
          <Pager
            label="Audit log pages"
            page={params.page}
            totalPages={log.data.totalPages}
            onChange={(page) => setSearch(writeParams({ ...readParams(search), page }))}
          />
        </div>
      )}
    </div>
  );
}
